package org.zhucan.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TwoSlotDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.TwoSlotDistrict.offline;
import static org.zhucan.testsupport.TwoSlotDistrict.walkIn;

/**
 * A diner's daily and monthly subsidy limits under counters and devices racing over HTTP against
 * the real database, on one and on two application instances: with a policy that subsidises LUNCH
 * and DINNER, one meal a day and 8.00 a month (5.00 a meal), the database lets exactly one meal a
 * day and never more than the cap through, whichever of logMeal, an upload written at once or an
 * upload written record by record gets there first; and two counters serving one diner at once at
 * two sites flag both records.
 */
class SubsidyLimitConcurrencyTests extends ApiTest {

    /** Races released together, each with its own diners: on a busy machine a single one may happen not to overlap. */
    private static final int ROUNDS = 4;

    private static TwoSlotDistrict.WithTwoCanteens district;

    @Autowired
    JdbcTemplate jdbc;

    LocalDate yesterday;

    @BeforeEach
    void world() {
        LocalDate today = DistrictWorld.today();
        yesterday = today.minusDays(1);
        if (district == null) {
            district = TwoSlotDistrict.WithTwoCanteens.of(this::as, jdbc, today.minusDays(3), today.minusDays(2), yesterday, today);
        }
    }

    @Test
    void shouldSubsidiseOneMealADayWhenTwoSitesUploadLunchAndDinnerAtOnce() throws Exception {
        HttpGraphQlTester staff = as(district.world().staff);
        List<String> diners = new ArrayList<>();
        // rounds of two uploads released together, so that some of them overlap however the machine schedules them
        for (int round = 0; round < ROUNDS; round++) {
            List<String> ofRound = district.world().diners(15);
            diners.addAll(ofRound);
            List<String> outcomes = Race.run(2, i -> i == 0
                    ? upload(staff, district.siteA(), "a", "LUNCH", ofRound, shanghai(yesterday, 12, 0))
                    : upload(staff, district.siteB(), "b", "DINNER", ofRound, shanghai(yesterday, 18, 0)));
            assertThat(outcomes).containsOnly("15/0");
        }
        assertOneSubsidisedMealADay(diners, yesterday);
    }

    @Test
    void shouldSubsidiseOneMealADayWhenLogMealRacesAnUpload() throws Exception {
        List<String> diners = district.world().diners(30);
        HttpGraphQlTester staff = as(district.world().staff);
        List<String> outcomes = Race.run(diners.size() + 1, i -> i < diners.size()
                ? logged(staff, walkIn(district.siteA(), "LUNCH", diners.get(i), shanghai(yesterday, 12, 0)))
                : upload(staff, district.siteB(), "b", "DINNER", diners, shanghai(yesterday, 18, 0)));
        assertThat(outcomes.subList(0, diners.size())).allMatch(outcome -> outcome.startsWith("logged"));
        assertThat(outcomes.get(diners.size())).isEqualTo("30/0");
        assertOneSubsidisedMealADay(diners, yesterday);
    }

    @Test
    void shouldSubsidiseOneMealADayWhenUploadsWrittenRecordByRecordRaceEachOther() throws Exception {
        HttpGraphQlTester staff = as(district.world().staff);
        List<String> diners = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> ofRound = district.world().diners(10);
            diners.addAll(ofRound);
            // a booking's meal twice in each upload: neither chunk can be written at once, both are written record by record
            List<Map<String, Object>> lunches = withABookingTwice(records("a", "LUNCH", ofRound, shanghai(yesterday, 12, 0)),
                    book(staff, ofRound.get(0), district.siteA(), "LUNCH", yesterday));
            List<Map<String, Object>> dinners = withABookingTwice(records("b", "DINNER", ofRound, shanghai(yesterday, 18, 0)),
                    book(staff, ofRound.get(0), district.siteB(), "DINNER", yesterday));
            List<String> outcomes = Race.run(2, i -> upload(staff, i == 0 ? district.siteA() : district.siteB(), i == 0 ? lunches : dinners));
            assertThat(outcomes).containsExactly("10/1", "10/1");
        }
        assertOneSubsidisedMealADay(diners, yesterday);
    }

    /** The records with the first one's meal served against the booking, and the same booking's meal again under another id. */
    private static List<Map<String, Object>> withABookingTwice(List<Map<String, Object>> records, String pickupCode) {
        Map<String, Object> first = records.get(0);
        first.put("pickupCode", pickupCode);
        Map<String, Object> again = new java.util.HashMap<>(first);
        again.put("clientRecordId", first.get("clientRecordId") + "-again");
        records.add(again);
        return records;
    }

    @Test
    void shouldSubsidiseOneMealADayWhenCountersOfTwoApplicationInstancesRaceAnUpload() throws Exception {
        List<String> diners = district.world().diners(30);
        HttpGraphQlTester first = as(district.world().staff);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(secondPort).isNotEqualTo(port);
            HttpGraphQlTester other = testerAt(secondPort, district.world().staff);
            // lunches logged through both instances, dinners uploaded through the second, all at once
            List<String> outcomes = Race.run(diners.size() + 1, i -> i < diners.size()
                    ? logged(i % 2 == 0 ? first : other, walkIn(district.siteA(), "LUNCH", diners.get(i), shanghai(yesterday, 12, 0)))
                    : upload(other, district.siteB(), "b", "DINNER", diners, shanghai(yesterday, 18, 0)));
            assertThat(outcomes.subList(0, diners.size())).allMatch(outcome -> outcome.startsWith("logged"));
            assertThat(outcomes.get(diners.size())).isEqualTo("30/0");
        }
        assertOneSubsidisedMealADay(diners, yesterday);
    }

    @Test
    void shouldNeverSubsidiseMoreThanTheMonthlyCapWhenMealsOfTwoDaysAreRecordedAtOnce() throws Exception {
        // two days of one month, both past and within the offline window, whatever today is
        LocalDate second = yesterday.getDayOfMonth() == 1 ? yesterday.minusDays(1) : yesterday;
        LocalDate first = second.minusDays(1);
        List<String> diners = district.world().diners(30);
        HttpGraphQlTester staff = as(district.world().staff);
        // 5.00 a meal against a cap of 8.00: whichever comes second gets the 3.00 left
        List<String> outcomes = Race.run(diners.size() + 1, i -> i < diners.size()
                ? logged(staff, walkIn(district.siteA(), "LUNCH", diners.get(i), shanghai(second, 12, 0)))
                : upload(staff, district.siteB(), "b", "LUNCH", diners, shanghai(first, 12, 0)));
        assertThat(outcomes.get(diners.size())).isEqualTo("30/0");
        for (String diner : diners) {
            List<Map<String, Object>> meals = jdbc.queryForList("""
                    SELECT subsidy_fen, quote FROM meal_record
                    WHERE diner_id = ? AND kind = 'MEAL' AND reversed_by_id IS NULL ORDER BY subsidy_fen DESC""", Long.valueOf(diner));
            assertThat(meals).extracting(meal -> ((Number) meal.get("subsidy_fen")).longValue()).as("subsidies of diner %s", diner)
                    .containsExactly(500L, 300L);
            assertThat(meals.get(1).get("quote").toString()).contains("\"MONTHLY_CAP\"");
        }
        assertUsageRowsMatchTheRecords(diners);
    }

    @Test
    void shouldFlagBothRecordsWhenTwoSitesServeOneDinerAtOnce() throws Exception {
        List<String> diners = district.world().diners(20);
        HttpGraphQlTester staff = as(district.world().staff);
        // each diner at both sites at the same moment, and across midnight (23:40 and 00:10) at both sites
        LocalDate dayBefore = yesterday.minusDays(1);
        List<String> recordIds = Race.run(diners.size() * 2, i -> {
            String diner = diners.get(i / 2);
            boolean atA = i % 2 == 0;
            boolean acrossMidnight = (i / 2) % 2 == 1;
            String servedAt = acrossMidnight ? (atA ? shanghai(dayBefore, 23, 40) : shanghai(yesterday, 0, 10)) : shanghai(yesterday, 12, 0);
            GraphQlTester.Response response = staff.documentName("logMeal").variable("input", walkIn(atA ? district.siteA() : district.siteB(), acrossMidnight ? "DINNER" : "LUNCH",
                    diner, servedAt)).execute();
            response.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
            return response.path("logMeal.record.id").entity(String.class).get();
        });
        for (int d = 0; d < diners.size(); d++) {
            long atA = Long.parseLong(recordIds.get(2 * d));
            long atB = Long.parseLong(recordIds.get(2 * d + 1));
            assertThat(twoSitesFlagOf(atA)).as("flag of diner %s at A", diners.get(d)).isEqualTo(atB);
            assertThat(twoSitesFlagOf(atB)).as("flag of diner %s at B", diners.get(d)).isEqualTo(atA);
        }
    }

    @Test
    void shouldGiveTheUsageBackWhenAMealIsVoidedOrCorrected() {
        List<String> diners = district.world().diners(1);
        String diner = diners.get(0);
        HttpGraphQlTester staff = as(district.world().staff);
        String lunch = loggedRecord(staff, walkIn(district.siteA(), "LUNCH", diner, shanghai(yesterday, 12, 0)));
        String dinner = loggedRecord(staff, walkIn(district.siteB(), "DINNER", diner, shanghai(yesterday, 18, 0)));
        assertThat(subsidyOf(lunch)).isEqualTo(500);
        assertThat(subsidyOf(dinner)).isZero();
        assertUsageRowsMatchTheRecords(diners);

        // the lunch voided: its day's meal and its 5.00 go back, so a corrected dinner is subsidised
        voidRecord(staff, lunch);
        assertUsageRowsMatchTheRecords(diners);
        String replacement = staff.documentName("correctMealRecord").variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(),
                        "recordId", dinner, "reason", "补录更正")).execute()
                .path("correctMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("correctMealRecord.replacement.id").entity(String.class).get();
        assertThat(subsidyOf(replacement)).isEqualTo(500);
        assertUsageRowsMatchTheRecords(diners);

        // and the day's one subsidised meal is taken again: another lunch is not subsidised, for the daily limit
        String another = loggedRecord(staff, walkIn(district.siteA(), "LUNCH", diner, shanghai(yesterday, 12, 30)));
        assertThat(subsidyOf(another)).isZero();
        assertThat(quoteOf(another)).contains("\"DAILY_LIMIT\"");
        assertUsageRowsMatchTheRecords(diners);
    }

    /**
     * A month row that is missing (records loaded around the application, rows lost) starts from the standing records when a
     * meal takes it: the statements look the records up only for a row that is not there, and must still do so then.
     */
    @Test
    void shouldStartAMissingMonthRowFromTheStandingRecordsAndKeepTheCap() {
        LocalDate second = yesterday.getDayOfMonth() == 1 ? yesterday.minusDays(1) : yesterday;
        LocalDate first = second.minusDays(1);
        String diner = district.world().diners(1).get(0);
        HttpGraphQlTester staff = as(district.world().staff);
        assertThat(subsidyOf(loggedRecord(staff, walkIn(district.siteA(), "LUNCH", diner, shanghai(first, 12, 0))))).isEqualTo(500);
        assertThat(jdbc.update("DELETE FROM diner_subsidy_usage WHERE diner_id = ?", Long.valueOf(diner))).isEqualTo(2);

        String capped = loggedRecord(staff, walkIn(district.siteA(), "LUNCH", diner, shanghai(second, 12, 0)));
        assertThat(subsidyOf(capped)).as("the 3.00 the standing 5.00 leaves under the cap of 8.00").isEqualTo(300);
        assertThat(quoteOf(capped)).contains("\"MONTHLY_CAP\"");
        assertThat(jdbc.queryForObject("SELECT subsidy_fen FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'M' AND period_start = ?", Long.class,
                Long.valueOf(diner), second.withDayOfMonth(1))).isEqualTo(800);
    }

    @Test
    void shouldQuoteTheLimitTheDatabaseHeldWhenItsUsageRowsCountMoreThanTheRecords() {
        // rows ahead of the records, as if meals had been written around the application: the rows decide, and the quote says so
        List<String> diners = district.world().diners(8);
        java.sql.Date day = java.sql.Date.valueOf(yesterday);
        java.sql.Date month = java.sql.Date.valueOf(yesterday.withDayOfMonth(1));
        jdbc.update("INSERT INTO diner_subsidy_usage (diner_id, period, period_start, meals) VALUES (?, 'D', ?, 1)", Long.valueOf(diners.get(0)), day);
        jdbc.update("INSERT INTO diner_subsidy_usage (diner_id, period, period_start, subsidy_fen) VALUES (?, 'M', ?, 700)", Long.valueOf(diners.get(1)), month);
        jdbc.update("INSERT INTO diner_subsidy_usage (diner_id, period, period_start, meals) VALUES (?, 'D', ?, 1)", Long.valueOf(diners.get(2)), day);
        HttpGraphQlTester staff = as(district.world().staff);

        String dailyLimit = loggedRecord(staff, walkIn(district.siteA(), "LUNCH", diners.get(0), shanghai(yesterday, 12, 0)));
        assertThat(subsidyOf(dailyLimit)).isZero();
        assertThat(quoteOf(dailyLimit)).contains("\"DAILY_LIMIT\"");
        String capped = loggedRecord(staff, walkIn(district.siteA(), "LUNCH", diners.get(1), shanghai(yesterday, 12, 0)));
        assertThat(subsidyOf(capped)).as("the 1.00 the month's row leaves under the cap").isEqualTo(100);
        assertThat(quoteOf(capped)).contains("\"MONTHLY_CAP\"");

        // an upload whose chunk the rows refuse is written record by record, each with its own reason, the others subsidised
        assertThat(upload(staff, district.siteB(), "held", "DINNER", diners.subList(2, 8), shanghai(yesterday, 18, 0))).isEqualTo("6/0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id IN (?, ?, ?, ?, ?) AND subsidy_fen = 500", Integer.class,
                diners.subList(3, 8).stream().map(Long::valueOf).toArray())).isEqualTo(5);
        List<Map<String, Object>> uploaded = jdbc.queryForList("SELECT diner_id, subsidy_fen, quote FROM meal_record WHERE diner_id IN (?, ?) "
                + "ORDER BY diner_id", Long.valueOf(diners.get(2)), Long.valueOf(diners.get(3)));
        assertThat(((Number) uploaded.get(0).get("subsidy_fen")).longValue()).isZero();
        assertThat(uploaded.get(0).get("quote").toString()).contains("\"DAILY_LIMIT\"");
        assertThat(((Number) uploaded.get(1).get("subsidy_fen")).longValue()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT meals FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'D' AND period_start = ?", Integer.class,
                Long.valueOf(diners.get(3)), day)).isEqualTo(1);
    }

    @Test
    void shouldUploadFortyRecordsWithAsManyStatementsAsFive() {
        HttpGraphQlTester staff = as(district.world().staff);
        // the usage rows of a chunk are taken, created and claimed with multi-row statements, never one per record
        List<String> few = district.world().diners(5);
        List<String> many = district.world().diners(40);
        long forFew = statementsDuring(() -> assertThat(upload(staff, district.siteA(), "few", "LUNCH", few, shanghai(yesterday, 12, 0))).isEqualTo("5/0"));
        long forMany = statementsDuring(() -> assertThat(upload(staff, district.siteA(), "many", "LUNCH", many, shanghai(yesterday, 12, 0))).isEqualTo("40/0"));
        assertThat(forMany).isEqualTo(forFew);
    }

    // ------------------------------------------------------------------------------- helpers

    /** Exactly one standing subsidised meal per diner that day; the other, unsubsidised, says DAILY_LIMIT; the usage rows agree. */
    private void assertOneSubsidisedMealADay(List<String> diners, LocalDate day) {
        List<String> twice = new ArrayList<>();
        for (String diner : diners) {
            List<Map<String, Object>> meals = jdbc.queryForList("""
                    SELECT subsidy_fen, quote FROM meal_record
                    WHERE diner_id = ? AND service_date = ? AND kind = 'MEAL' AND reversed_by_id IS NULL""", Long.valueOf(diner),
                    java.sql.Date.valueOf(day));
            assertThat(meals).as("meals of diner %s", diner).hasSize(2);
            List<Map<String, Object>> subsidised = meals.stream().filter(meal -> ((Number) meal.get("subsidy_fen")).longValue() > 0).toList();
            if (subsidised.size() != 1) {
                twice.add(diner);
                continue;
            }
            Map<String, Object> other = meals.stream().filter(meal -> ((Number) meal.get("subsidy_fen")).longValue() == 0).findFirst().orElseThrow();
            assertThat(other.get("quote").toString()).as("the unsubsidised meal of diner %s", diner).contains("\"DAILY_LIMIT\"");
        }
        assertThat(twice).as("diners without exactly one subsidised meal on %s (of %s)", day, diners.size()).isEmpty();
        assertUsageRowsMatchTheRecords(diners);
    }

    /** The usage rows hold what the standing records add up to, for every day and month of these diners. */
    private void assertUsageRowsMatchTheRecords(List<String> diners) {
        for (String diner : diners) {
            assertThat(pairs("SELECT period_start, meals FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'D' AND meals <> 0 ORDER BY period_start", diner))
                    .as("day usage of diner %s", diner)
                    .isEqualTo(pairs("""
                            SELECT service_date, COUNT(*) FROM meal_record
                            WHERE diner_id = ? AND kind = 'MEAL' AND reversed_by_id IS NULL AND subsidy_fen > 0
                            GROUP BY service_date ORDER BY service_date""", diner));
            assertThat(pairs("SELECT period_start, subsidy_fen FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'M' AND subsidy_fen <> 0 ORDER BY period_start",
                    diner))
                    .as("month usage of diner %s", diner)
                    .isEqualTo(pairs("""
                            SELECT DATE_SUB(service_date, INTERVAL DAYOFMONTH(service_date) - 1 DAY) AS month_start, SUM(subsidy_fen)
                            FROM meal_record WHERE diner_id = ? AND kind = 'MEAL' AND reversed_by_id IS NULL AND subsidy_fen > 0
                            GROUP BY month_start ORDER BY month_start""", diner));
        }
    }

    private List<String> pairs(String sql, String diner) {
        return jdbc.query(sql, (row, n) -> row.getString(1) + "=" + row.getLong(2), Long.valueOf(diner));
    }

    private String upload(HttpGraphQlTester staff, String site, String prefix, String slot, List<String> diners, String servedAt) {
        return upload(staff, site, records(prefix, slot, diners, servedAt));
    }

    private String upload(HttpGraphQlTester staff, String site, List<Map<String, Object>> records) {
        GraphQlTester.Response response = staff.documentName("uploadMealRecords").variable("input", Map.of("siteId", site, "records", records)).execute();
        response.path("uploadMealRecords.userErrors").entityList(Object.class).hasSize(0);
        return response.path("uploadMealRecords.acceptedCount").entity(Integer.class).get() + "/"
                + response.path("uploadMealRecords.rejectedCount").entity(Integer.class).get();
    }

    private static List<Map<String, Object>> records(String prefix, String slot, List<String> diners, String servedAt) {
        String run = prefix + "-" + System.nanoTime() + "-";
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < diners.size(); i++) {
            records.add(offline(run + i, slot, diners.get(i), servedAt));
        }
        return records;
    }

    private static String logged(HttpGraphQlTester staff, Map<String, Object> input) {
        return "logged " + loggedRecord(staff, input);
    }

    private static String loggedRecord(HttpGraphQlTester staff, Map<String, Object> input) {
        GraphQlTester.Response response = staff.documentName("logMeal").variable("input", input).execute();
        response.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        return response.path("logMeal.record.id").entity(String.class).get();
    }

    private void voidRecord(HttpGraphQlTester staff, String recordId) {
        staff.documentName("fixtureVoidMealRecord")
                .variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(), "recordId", recordId, "reason", "重复录入"))
                .execute()
                .path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0);
    }

    /** Books a DINE_IN 套餐A of the day's slot, at 08:00 that day by the application's clock; returns the pickup code. */
    private String book(HttpGraphQlTester staff, String diner, String site, String slot, LocalDate day) {
        clock.stopAt(day.atTime(8, 0).atZone(BusinessTime.ZONE).toInstant());
        try {
            return staff.documentName("bookMeal").variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(), "dinerId", diner,
                            "siteId", site, "date", day.toString(), "slot", slot, "fulfilment", "DINE_IN",
                            "items", List.of(Map.of("setMealName", "套餐A")))).execute()
                    .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                    .path("bookMeal.booking.pickupCode").entity(String.class).get();
        } finally {
            clock.resume();
        }
    }

    private long subsidyOf(String recordId) {
        return jdbc.queryForObject("SELECT subsidy_fen FROM meal_record WHERE id = ?", Long.class, Long.valueOf(recordId));
    }

    private String quoteOf(String recordId) {
        return jdbc.queryForObject("SELECT quote FROM meal_record WHERE id = ?", String.class, Long.valueOf(recordId));
    }

    /** The record a record's TWO_SITES_WITHIN_HOUR flag points at; null without the flag. */
    private Long twoSitesFlagOf(long recordId) {
        List<Long> related = jdbc.queryForList("""
                SELECT related_record_id FROM meal_record_flag WHERE meal_record_id = ? AND code = 'TWO_SITES_WITHIN_HOUR'""", Long.class, recordId);
        return related.isEmpty() ? null : related.get(0);
    }
}
