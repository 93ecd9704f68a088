package org.zhucan.demo;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.common.money.Money;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.network.MealSlot;
import org.zhucan.security.AccountService;
import org.zhucan.security.SystemActor;
import org.zhucan.serving.MealRollups;
import org.zhucan.serving.SiteDay;
import org.zhucan.subsidy.QuoteService;
import org.zhucan.subsidy.SubsidyRules;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two weeks of service in 伊滨区 before today, so that ratings, inspections, sample logs, the
 * operator evaluation and the district dashboard have something to show: lunches at every
 * operating site (each quoted by the real policy), diners' ratings of some of them, a sample log
 * for most served slots (not all: the missing ones are flagged), an inspection of every site, the
 * district's evaluation weights and this year's budget.
 *
 * <p>Written by SQL rather than through the mutations: those accept meals up to 7 days late and
 * ratings up to 3 days after the meal, and history is older than that. Deterministic (a fixed
 * seed), and skipped when the history is already there.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(4)
class ServiceHistoryDemoData implements DemoDataContributor {

    static final String ACTOR = "demo";
    static final int DAYS = 14;
    private static final long SEED = 20261123L;
    private static final Money PRICE = Money.ofFen(1200);
    private static final String[] KEEPERS = {"王师傅", "李师傅", "张阿姨", "刘师傅"};
    private static final String[][] DISHES = {{"红烧豆腐", "清炒白菜", "米饭"}, {"番茄炒蛋", "蒸南瓜", "小米粥"}, {"清蒸鱼", "炒青菜", "馒头"},
            {"土豆炖牛肉", "凉拌黄瓜", "米饭"}};
    private static final String[] COMMENTS = {"菜很软烂，适合老人", "今天有点咸", "米饭偏硬", "送到时有点凉了", "服务员很耐心", null, null, null};
    private static final String[] ITEMS = {"LICENCES", "HEALTH_CERTIFICATES", "RAW_MATERIAL_RECORDS", "STORAGE", "PROCESSING",
            "TABLEWARE_DISINFECTION", "SAMPLE_RETENTION", "PEST_CONTROL", "ENVIRONMENT_HYGIENE", "ALLERGEN_AND_ELDERLY_DIET"};

    private final JdbcTemplate jdbc;
    private final QuoteService quoteService;
    private final DinerService dinerService;
    private final AccountService accountService;
    private final MealRollups rollups;
    private final JsonMapper json;
    private final Clock clock;

    ServiceHistoryDemoData(JdbcTemplate jdbc, QuoteService quoteService, DinerService dinerService, AccountService accountService,
                           MealRollups rollups, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.quoteService = quoteService;
        this.dinerService = dinerService;
        this.accountService = accountService;
        this.rollups = rollups;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void contribute() {
        List<Long> district = jdbc.queryForList("SELECT id FROM region WHERE division_code = '410371000000'", Long.class);
        if (district.isEmpty()) {
            return;
        }
        long yibin = district.get(0);
        LocalDate today = BusinessTime.today(clock);
        jdbc.update("INSERT IGNORE INTO evaluation_weights (district_id, effective_month, operating_rate, satisfaction, inspection, flags,"
                + " no_show, set_by, set_at) VALUES (?, '2024-01-01', 25, 25, 20, 15, 15, ?, ?)", yibin, ACTOR, Timestamp.from(clock.instant()));
        for (Object[] budget : new Object[][] {{"CITY", 60_000_000L}, {"DISTRICT", 60_000_000L}, {"TOWN_OR_STREET", 30_000_000L}}) {
            jdbc.update("INSERT IGNORE INTO funding_budget (district_id, year, source, amount_fen, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    yibin, today.getYear(), budget[0], budget[1], ACTOR, Timestamp.from(clock.instant()));
        }
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE recorded_by = ?", Integer.class, ACTOR);
        if (already != null && already > 0) {
            return;
        }
        List<Map<String, Object>> sites = jdbc.queryForList("""
                SELECT s.id, s.operator_id, s.name, o.credit_code
                FROM site s JOIN region c ON c.id = s.community_id JOIN operator o ON o.id = s.operator_id
                JOIN site_slot ss ON ss.site_id = s.id AND ss.slot = 'LUNCH'
                WHERE c.path LIKE CONCAT((SELECT path FROM region WHERE id = ?), '%')
                  AND s.kind <> 'CENTRAL_KITCHEN' AND s.status = 'OPERATING' AND s.opened_on <= ?
                ORDER BY s.id""", yibin, today.minusDays(DAYS));
        List<Long> diners = jdbc.queryForList("""
                SELECT d.id FROM diner d JOIN region c ON c.id = d.home_community_id
                WHERE c.path LIKE CONCAT((SELECT path FROM region WHERE id = ?), '%') AND d.status = 'ACTIVE'
                ORDER BY d.id""", Long.class, yibin);
        if (sites.isEmpty() || diners.isEmpty()) {
            return;
        }
        List<Long> family = accountService.find("family").map(account -> accountService.dinerIdsActedForBy("family")).orElse(List.of());
        SystemActor.runAs(ACTOR, () -> {
            write(sites, diners, family, today);
            return null;
        });
    }

    private void write(List<Map<String, Object>> sites, List<Long> diners, List<Long> family, LocalDate today) {
        Random random = new Random(SEED);
        QuoteService.Quoter quoter = quoteService.quoter();
        Instant now = clock.instant();
        List<SiteDay> served = new ArrayList<>();
        for (int daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            Map<Long, QuoteFacts> facts = dinerService.quoteFactsOn(diners, day);
            int next = random.nextInt(diners.size());
            // one subsidised lunch a diner a day, wherever it is eaten
            java.util.Set<Long> fedToday = new java.util.HashSet<>();
            for (Map<String, Object> site : sites) {
                long siteId = ((Number) site.get("id")).longValue();
                long operatorId = ((Number) site.get("operator_id")).longValue();
                // the catering company keeps its samples and its diners less well than the state platform
                boolean weaker = !"91410300MA9GCY0B2D".equals(site.get("credit_code"));
                List<Long> eating = new ArrayList<>();
                int count = 2 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    long diner = diners.get(next++ % diners.size());
                    // the family's diners eat at their own canteen
                    if (!family.contains(diner)) {
                        eating.add(diner);
                    }
                }
                if (site.get("name").equals("孝文街道长者食堂")) {
                    eating.addAll(0, family);
                }
                int minute = 0;
                for (long diner : eating) {
                    QuoteFacts dinerFacts = facts.get(diner);
                    if (dinerFacts == null || !dinerFacts.active() || !fedToday.add(diner)) {
                        continue;
                    }
                    Instant servedAt = day.atTime(LocalTime.of(11, 5).plusMinutes(minute += 3)).atZone(BusinessTime.ZONE).toInstant();
                    long record = meal(quoter.quote(dinerFacts, siteId, day, MealSlot.LUNCH, PRICE, SubsidyRules.Usage.NONE), siteId, operatorId,
                            diner, day, servedAt, now);
                    served.add(new SiteDay(siteId, day));
                    // the family tries rating for itself: its meals of the last 3 days are left unrated
                    boolean familyRecent = family.contains(diner) && daysAgo <= 3;
                    if (!familyRecent && random.nextInt(100) < 45) {
                        rate(random, record, diner, siteId, operatorId, day, servedAt, weaker);
                    }
                }
                if (random.nextInt(100) < (weaker ? 80 : 96)) {
                    sample(random, siteId, day, now);
                }
            }
        }
        // written around the serving feature: its roll-ups learn of these days as of any write
        rollups.changed(served);
        for (Map<String, Object> site : sites) {
            inspect(random, ((Number) site.get("id")).longValue(), ((Number) site.get("operator_id")).longValue(),
                    !"91410300MA9GCY0B2D".equals(site.get("credit_code")), today, now);
        }
    }

    private long meal(SubsidyRules.Quote quote, long siteId, long operatorId, long diner, LocalDate day, Instant servedAt, Instant now) {
        String category = quote.tier() == null || quote.tier().categories().isEmpty() ? null
                : quote.tier().categories().iterator().next().name();
        Map<String, Object> stored = new HashMap<>();
        stored.put("shares", quote.shares());
        stored.put("reasons", quote.reasons());
        String clientId = "demo-" + siteId + "-" + day + "-" + diner;
        long record = insert("""
                INSERT INTO meal_record (kind, site_id, operator_id, diner_id, service_date, slot, served_at, verification, price_fen, subsidy_fen,
                                         diner_pays_fen, policy_id, diner_category, quote, second_meal, origin, client_record_id, recorded_by, recorded_at)
                VALUES ('MEAL', ?, ?, ?, ?, 'LUNCH', ?, 'DINER_QR', ?, ?, ?, ?, ?, ?, FALSE, 'OFFLINE', ?, ?, ?)""",
                siteId, operatorId, diner, day, Timestamp.from(servedAt), quote.priceFen(), quote.subsidyFen(), quote.dinerPaysFen(),
                quote.policy() == null ? null : quote.policy().id(), category, json.writeValueAsString(stored), clientId, ACTOR, Timestamp.from(now));
        jdbc.update("INSERT INTO meal_record_item (meal_record_id, position, set_meal_name, name, unit_price_fen, quantity) VALUES (?, 0, '套餐', '套餐', ?, 1)",
                record, quote.priceFen());
        for (SubsidyRules.QuotedShare share : quote.shares()) {
            if (share.amountFen() != 0) {
                jdbc.update("INSERT INTO meal_record_share (meal_record_id, source, amount_fen) VALUES (?, ?, ?)", record, share.source().name(),
                        share.amountFen());
            }
        }
        return record;
    }

    private void rate(Random random, long record, long diner, long siteId, long operatorId, LocalDate day, Instant servedAt, boolean weaker) {
        int roll = random.nextInt(100);
        int score = weaker ? (roll < 30 ? 5 : roll < 60 ? 4 : roll < 85 ? 3 : 2) : (roll < 55 ? 5 : roll < 90 ? 4 : 3);
        jdbc.update("INSERT INTO meal_rating (meal_record_id, diner_id, site_id, operator_id, service_date, slot, score, comment, rated_by, rated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'LUNCH', ?, ?, ?, ?)", record, diner, siteId, operatorId, day, score,
                COMMENTS[random.nextInt(COMMENTS.length)], ACTOR, Timestamp.from(servedAt.plusSeconds(3 * 3600)));
        // the rating tally (V40) as rateMeal keeps it: the evaluation and the dashboard read ratings from there
        jdbc.update("INSERT INTO meal_rating_tally (site_id, service_date, operator_id, ratings, score_sum, counter_ratings, counter_score_sum)"
                + " VALUES (?, ?, ?, 1, ?, 0, 0) ON DUPLICATE KEY UPDATE ratings = ratings + 1, score_sum = score_sum + VALUES(score_sum)",
                siteId, day, operatorId, score);
        String tag = score >= 5 ? "TASTY" : score == 4 ? "FRIENDLY_SERVICE" : new String[] {"TOO_SALTY", "TOO_HARD", "COLD"}[random.nextInt(3)];
        jdbc.update("INSERT INTO meal_rating_tag (rating_id, tag) SELECT id, ? FROM meal_rating WHERE meal_record_id = ?", tag, record);
    }

    private void sample(Random random, long siteId, LocalDate day, Instant now) {
        Instant keptAt = day.atTime(LocalTime.of(11, 40)).atZone(BusinessTime.ZONE).toInstant();
        long retention = insert("INSERT INTO sample_retention (site_id, service_date, slot, kept_at, keeper, logged_by, logged_at) VALUES (?, ?, 'LUNCH', ?, ?, ?, ?)",
                siteId, day, Timestamp.from(keptAt), KEEPERS[random.nextInt(KEEPERS.length)], ACTOR, Timestamp.from(keptAt.plusSeconds(600)));
        String[] dishes = DISHES[random.nextInt(DISHES.length)];
        for (int i = 0; i < dishes.length; i++) {
            // now and then a sample short of the 125 g rule
            int grams = random.nextInt(100) < 5 ? 100 : 125 + random.nextInt(60);
            jdbc.update("INSERT INTO sample_retention_dish (retention_id, position, dish_name, weight_grams) VALUES (?, ?, ?, ?)", retention, i,
                    dishes[i], grams);
        }
    }

    private void inspect(Random random, long siteId, long operatorId, boolean weaker, LocalDate today, Instant now) {
        LocalDate on = today.minusDays(1 + random.nextInt(DAYS - 1));
        int roll = random.nextInt(100);
        String result = roll < (weaker ? 60 : 85) ? "PASSED" : roll < 95 ? "NEEDS_RECTIFICATION" : "FAILED";
        String failedItem = result.equals("PASSED") ? null : ITEMS[random.nextInt(ITEMS.length)];
        LocalDate due = result.equals("PASSED") ? null : on.plusDays(result.equals("FAILED") ? 3 : 7);
        String summary = result.equals("PASSED") ? "检查合格" : "发现问题：" + failedItem + "，已责令限期整改";
        long inspection = insert("INSERT INTO inspection (site_id, operator_id, inspected_on, result, summary, follow_up_due, inspector, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'inspector', ?)", siteId, operatorId, on, result, summary, due, Timestamp.from(now));
        for (String item : ITEMS) {
            boolean passed = !item.equals(failedItem);
            jdbc.update("INSERT INTO inspection_item (inspection_id, item, passed, note) VALUES (?, ?, ?, ?)", inspection, item, passed,
                    passed ? null : "现场发现不符合要求");
        }
        // a rectification whose due date has passed was mostly followed up, and passed
        if (due != null && due.isBefore(today) && random.nextInt(100) < 70) {
            long followUp = insert("INSERT INTO inspection (site_id, operator_id, inspected_on, result, summary, follow_up_due, follows_up_id, inspector, recorded_at)"
                    + " VALUES (?, ?, ?, 'PASSED', '复查合格，问题已整改', NULL, ?, 'inspector', ?)", siteId, operatorId, due, inspection, Timestamp.from(now));
            for (String item : ITEMS) {
                jdbc.update("INSERT INTO inspection_item (inspection_id, item, passed) VALUES (?, ?, TRUE)", followUp, item);
            }
        }
    }

    /** Runs an INSERT and returns the id it generated. */
    private long insert(String sql, Object... arguments) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(arguments).setValues(statement);
            return statement;
        }, key);
        return key.getKey().longValue();
    }
}
