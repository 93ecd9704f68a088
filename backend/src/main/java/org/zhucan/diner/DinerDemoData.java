package org.zhucan.diner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.AccountService;

/**
 * Demo diners across Yibin's communities and villages: synthetic people with valid, clearly
 * synthetic ID numbers (a fixed seed, so every load makes the same people and a second load adds
 * none), ages 61-99 in 2026, realistic shares of subsidy categories, and the demo {@code family}
 * account acting for the first two. Written through the cipher because the numbers are encrypted
 * with the running key.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(1)
class DinerDemoData implements DemoDataContributor {

    static final int DINERS = 300;
    private static final long SEED = 20_231_229L;
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
    private static final LocalDate REGISTERED = LocalDate.of(2024, 1, 1);
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String[] WOMEN = {"秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍", "兰英", "素珍", "玉梅", "翠花"};
    private static final String[] MEN = {"建国", "德明", "志强", "国华", "文明", "德福", "长海", "振华", "守成", "玉山", "金山", "宝林"};

    private final DinerMapper diners;
    private final RegionService regionService;
    private final AccountService accountService;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    DinerDemoData(DinerMapper diners, RegionService regionService, AccountService accountService, PersonalDataCipher cipher, Clock clock) {
        this.diners = diners;
        this.regionService = regionService;
        this.accountService = accountService;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void contribute() {
        Region yibin = regionService.findByDivisionCode("410371000000");
        if (yibin == null) {
            return;
        }
        List<Region> communities = new ArrayList<>();
        List<Long> streetsAndTowns = regionService.children(yibin.id()).stream().map(Region::id).toList();
        regionService.childrenOf(streetsAndTowns).values().forEach(communities::addAll);
        Random random = new Random(SEED);
        List<Long> dinerIds = new ArrayList<>();
        for (int i = 0; i < DINERS; i++) {
            dinerIds.add(dinerFor(i, random, communities));
        }
        // the third diner is allergic to eggs and soy and needs soft, low-salt food: every demo lunch has a dish with one of
        // them, which the README's menu and booking examples show. Not a family diner: their recurring booking stays as it was.
        Diner third = diners.findById(dinerIds.get(2), CallerScope.ALL);
        if (third != null && third.allergies().isEmpty()) {
            diners.updateDiet(third.id(), third.version(), "EGG,SOY", "SOFT,LOW_SALT", clock.instant());
        }
        accountService.find("family").ifPresent(family -> {
            accountService.linkToDiner(family.id(), dinerIds.get(0), "子女");
            accountService.linkToDiner(family.id(), dinerIds.get(1), "子女");
        });
    }

    private long dinerFor(int index, Random random, List<Region> communities) {
        int age = 61 + random.nextInt(39);
        LocalDate birthDate = REFERENCE.minusYears(age).minusDays(random.nextInt(365));
        boolean male = random.nextBoolean();
        int sequence = index * 2 % 1000 + (male ? 1 : 0);
        String first17 = "410371" + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
        IdNumber idNumber = IdNumber.parse(first17 + IdNumber.checkCharacter(first17));
        String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + (male ? MEN : WOMEN)[random.nextInt(MEN.length)];
        String phone = "13" + (100_000_000 + random.nextInt(899_999_999));
        Region home = communities.get(random.nextInt(communities.size()));
        DinerCategory category = category(random.nextInt(100));
        String hash = cipher.lookupHash(idNumber.value());
        Long existing = diners.findIdByIdNumberHash(hash);
        if (existing != null) {
            return existing;
        }
        GeneratedKey key = new GeneratedKey();
        // drawn in this order (address, then notes) so that every load makes the same people
        String address = home.name() + (1 + random.nextInt(30)) + "号";
        String notes = random.nextInt(4) == 0 ? "低盐、软食" : null;
        diners.insert(key, name, cipher.encrypt(idNumber.value()), hash, idNumber.masked(), idNumber.birthDate(), idNumber.sex(),
                cipher.encrypt(phone), Masking.phone(phone), home.id(), address, notes, "", notes == null ? "" : "LOW_SALT,SOFT", REGISTERED,
                clock.instant());
        diners.insertStatusChange(key.value(), null, DinerStatus.ACTIVE, REGISTERED, null, "system", clock.instant());
        if (category != null) {
            diners.insertCategories(key.value(), List.of(DinerCategoryEntry.of(category, "演示证明-" + String.format("%04d", index),
                    REGISTERED, null)), CategorySource.REGISTRY, null, "system", clock.instant());
        }
        return key.value();
    }

    /** Roughly the shares a district sees: most diners hold no category and are subsidised by age alone. */
    private static DinerCategory category(int percentile) {
        if (percentile < 8) {
            return DinerCategory.EXTREME_POVERTY;
        } else if (percentile < 18) {
            return DinerCategory.MIN_LIVING;
        } else if (percentile < 24) {
            return DinerCategory.LOW_INCOME_EDGE;
        } else if (percentile < 29) {
            return DinerCategory.DISABLED;
        } else if (percentile < 39) {
            return DinerCategory.LIVING_ALONE;
        } else if (percentile < 41) {
            return DinerCategory.SPECIAL_FAMILY;
        } else if (percentile < 44) {
            return DinerCategory.ENTITLED;
        }
        return null;
    }
}
