package org.zhucan.testsupport;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;

/**
 * A district of its own whose policy subsidises LUNCH and DINNER, one meal a day and at most 8.00
 * a month (5.00 a meal = CITY 2.00 + DISTRICT rest, diner floor 1.00): what the subsidy limits are
 * tested with. Its operator runs canteens serving LUNCH 11:00–13:00 and DINNER 17:00–19:00, each
 * OPERATING since ten days ago, with 套餐A at 10.00 on published menus of both slots for the dates
 * asked; diners are ACTIVE village residents in no category (born 1955), copied fast from one registered diner.
 */
public final class TwoSlotDistrict {

    public final String districtId;
    public final String villageId;
    public final String operatorId;
    public final String staff;

    private final Function<String, HttpGraphQlTester> as;
    private final JdbcTemplate jdbc;
    private final NetworkFixtures network;
    private final DinerFixtures diners;
    private final String templateDiner;

    public TwoSlotDistrict(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc) {
        this.as = as;
        this.jdbc = jdbc;
        HttpGraphQlTester admin = as.apply("admin");
        network = new NetworkFixtures(admin, jdbc);
        NetworkFixtures.District district = network.district("限额测试");
        districtId = district.districtId();
        villageId = district.villageId();
        operatorId = network.createOperator("限额测试餐饮公司" + System.nanoTime());
        publishPolicy(admin);
        staff = TestAccounts.loggedIn(as, jdbc, "OPERATOR", operatorId, null, "限额测试员");
        diners = new DinerFixtures(admin, jdbc);
        templateDiner = diners.registerActiveSince2020("限额老人", villageId, LocalDate.of(1955, 3, 14), List.of(), null);
    }

    /** The district and two of its canteens, made once for a test class (kept in a static field of its own) and shared by its tests. */
    public record WithTwoCanteens(TwoSlotDistrict world, String siteA, String siteB) {

        /** A new district with two canteens whose menus have the dates given. */
        public static WithTwoCanteens of(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc, LocalDate... menuDates) {
            TwoSlotDistrict world = new TwoSlotDistrict(as, jdbc);
            return new WithTwoCanteens(world, world.canteen(menuDates), world.canteen(menuDates));
        }
    }

    /** A canteen of the operator, OPERATING since ten days ago, with 套餐A on LUNCH and DINNER menus of each date given. */
    public String canteen(LocalDate... menuDates) {
        HttpGraphQlTester admin = as.apply("admin");
        String name = "限额测试食堂" + System.nanoTime();
        Contracts.cover(jdbc, operatorId, villageId);
        String site = admin.documentName("createSite").variable("input", Map.of("name", name, "kind", "CANTEEN", "communityId", villageId,
                        "operatorId", operatorId, "address", name + "门口",
                        "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 30),
                                Map.of("slot", "DINNER", "servesFrom", "17:00", "servesTo", "19:00", "seats", 30)),
                        "fulfilments", List.of(Map.of("mode", "DINE_IN")))).execute()
                .path("createSite.userErrors").entityList(Object.class).hasSize(0)
                .path("createSite.site.id").entity(String.class).get();
        String since = DistrictWorld.today().minusDays(10).toString();
        network.backdatePlanned(site, since);
        network.open(site, since, since);
        String fish = Canteens.dish(admin, operatorId, "清蒸鱼", "8.00");
        String rice = Canteens.dish(admin, operatorId, "米饭", "1.00");
        for (LocalDate date : menuDates) {
            Canteens.publishSetMeal(admin, site, date, "LUNCH", fish, rice);
            Canteens.publishSetMeal(admin, site, date, "DINNER", fish, rice);
        }
        return site;
    }

    /** Fresh ACTIVE diners of the village, each with its own look-up hash and status history. */
    public List<String> diners(int count) {
        return diners.copiesOf(templateDiner, count);
    }

    /** A walk-in's 套餐A as logMeal takes it (a fresh idempotency key each time). */
    public static Map<String, Object> walkIn(String site, String slot, String diner, String servedAt) {
        return new HashMap<>(Map.of("idempotencyKey", "k-" + java.util.UUID.randomUUID(), "siteId", site, "slot", slot, "dinerId", diner,
                "servedAt", servedAt, "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"),
                "items", List.of(Map.of("setMealName", "套餐A"))));
    }

    /** The same walk-in as an offline record of an upload. */
    public static Map<String, Object> offline(String clientRecordId, String slot, String diner, String servedAt) {
        return new HashMap<>(Map.of("clientRecordId", clientRecordId, "slot", slot, "dinerId", diner, "servedAt", servedAt,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "离线补录"), "items", List.of(Map.of("setMealName", "套餐A"))));
    }

    private void publishPolicy(HttpGraphQlTester admin) {
        Map<String, Object> input = new HashMap<>(Map.of("districtId", districtId, "name", "限额测试政策", "effectiveFrom", "2024-01-01",
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "monthlyCap", "8.00", "standardPrice", "10.00"));
        input.put("tiers", List.of(Map.of("slots", List.of("LUNCH", "DINNER"), "minAge", 60, "subsidy", "5.00",
                "shares", List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true)))));
        String policy = admin.documentName("fixtureCreateSubsidyPolicy")
                .variable("input", input).execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        admin.documentName("fixturePublishSubsidyPolicy").variable("input", Map.of("policyId", policy)).execute()
                .path("publishSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0);
    }
}
