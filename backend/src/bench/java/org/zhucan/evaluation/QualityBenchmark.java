package org.zhucan.evaluation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.settlement.SettlementSeeder;
import org.zhucan.testsupport.BenchmarkApp;
import org.zhucan.testsupport.BenchmarkGraphQl;
import org.zhucan.testsupport.HeapMeter;

import static org.zhucan.testsupport.BenchmarkGraphQl.map;

/**
 * The quality reads over a million meal records: {@code operatorEvaluations} for the demo district
 * and last month, {@code districtDashboard} over 60 days (last month inside, the year's records
 * behind the year-to-date spending), {@code siteRatings} of a seeded site and {@code missingSampleLogs}
 * of the seeded operator, each three times (first cold, then warm) over the real GraphQL HTTP API as
 * the demo ADMIN (wall time, heap before, peak heap during, bytes allocated); and, as floors, the
 * heaviest single statements behind them run straight in SQL over JDBC.
 *
 * <p>The records come from {@link SettlementSeeder} (a fresh operator with 20 sites in the demo
 * district, 40,000 diners, one subsidised lunch each on days 1 to 25 of last month); on top of them,
 * in plain JDBC multi-row INSERTs, ratings of about 30% of the records (some with tags), a sample
 * retention log for most of the (site, day, LUNCH) slots but not all, and a few inspections per site.
 * Both seedings are timed. The seeders write by SQL, around the application, so the meal roll-ups
 * the dashboard and the evaluation read (MealRollups) are then rebuilt from the records through the
 * ADMIN mutation rebuildMealRollups over the year so far, as an administrator would after such a
 * load; that is timed too. Evaluation weights are given to the district from 2024-01 when it has none.
 * Prints figures and checks; asserts nothing.
 *
 * <p>Run with {@code ./mvnw -q -pl backend -am spring-boot:test-run@quality-benchmark} (MySQL and
 * Redis as for the tests). Each run adds a million records and 40,000 diners, so point it at a
 * scratch database of its own, e.g.
 * {@code ZHUCAN_DB_URL=jdbc:mysql://127.0.0.1:3306/zhucan_bench_quality?createDatabaseIfNotExist=true
 * ZHUCAN_REDIS_URL=redis://127.0.0.1:6379/12}.
 */
public final class QualityBenchmark {

    private static final int SITES = 20;
    private static final int DINERS = 40_000;
    private static final int DAYS = 25;
    private static final int DASHBOARD_DAYS = 60;
    private static final int RUNS = 3;
    private static final String DISTRICT_CODE = "410371000000";
    private static final String ACTOR = "quality-benchmark";
    private static final String ADMIN_ACCOUNT = "admin";
    private static final String DEMO_PASSWORD = "demo1234";
    private static final String EVALUATIONS = """
            query Evaluations($districtId: ID!, $month: YearMonth!) { operatorEvaluations(districtId: $districtId, month: $month) {
              evaluations { rank score mealsServed operator { id name } metrics { metric score sampleSize } } } }""";
    private static final String DASHBOARD = """
            query Dashboard($districtId: ID!, $days: Int!) { districtDashboard(districtId: $districtId, days: $days) {
              days { date mealsServed dinersServed subsidySpent subsidySpentYearToDate budgetUsed coverage ratingCount averageScore
                     missingSampleLogs openFlags } } }""";
    private static final String SITE_RATINGS = """
            query SiteRatings($siteId: ID!, $month: YearMonth!) { siteRatings(siteId: $siteId, month: $month) {
              ratingCount averageScore scoreCounts { score count } tagCounts { tag count } operator { ratingCount averageScore }
              ratings(first: 20) { totalCount } } }""";
    private static final String REBUILD = """
            mutation Rebuild($input: RebuildMealRollupsInput!) { rebuildMealRollups(input: $input) {
              rebuilt { siteDays computed stillMarked } userErrors { code message } } }""";
    private static final String MISSING = """
            query Missing($filter: SampleRetentionFilter!) { missingSampleLogs(filter: $filter, first: 50) { totalCount } }""";

    /** MealRecordReadService.servedDays as the dashboard runs it: per day over the district's sites, from the year's start. */
    private static final String FLOOR_SERVED_DAYS = """
            SELECT m.service_date,
                   SUM(m.kind = 'MEAL' AND m.reversed_by_id IS NULL) AS meals,
                   COUNT(DISTINCT CASE WHEN m.kind = 'MEAL' AND m.reversed_by_id IS NULL THEN m.diner_id END) AS diners,
                   SUM(m.kind = 'MEAL' AND m.reversed_by_id IS NULL
                       AND EXISTS (SELECT 1 FROM meal_record_flag f WHERE f.meal_record_id = m.id)) AS flagged_meals,
                   SUM(m.subsidy_fen) AS subsidy_fen,
                   COALESCE(SUM((SELECT SUM(s.amount_fen) FROM meal_record_share s
                                 WHERE s.meal_record_id = m.id AND s.source <> 'OPERATOR_DISCOUNT')), 0) AS public_subsidy_fen
            FROM meal_record m
            WHERE m.site_id IN (%s) AND m.service_date BETWEEN ? AND ?
            GROUP BY m.service_date
            ORDER BY m.service_date""";
    /** MealRecordReadService.servedSlots as the evaluation and the missing sample logs run it: per site, operator, day and slot over the month. */
    private static final String FLOOR_SERVED_SLOTS = """
            SELECT m.site_id, m.operator_id, m.service_date, m.slot,
                   SUM(m.kind = 'MEAL' AND m.reversed_by_id IS NULL) AS meals,
                   SUM(m.kind = 'MEAL' AND m.reversed_by_id IS NULL
                       AND EXISTS (SELECT 1 FROM meal_record_flag f WHERE f.meal_record_id = m.id)) AS flagged_meals,
                   SUM(m.subsidy_fen) AS subsidy_fen
            FROM meal_record m
            WHERE m.site_id IN (%s) AND m.service_date BETWEEN ? AND ?
            GROUP BY m.site_id, m.operator_id, m.service_date, m.slot
            HAVING SUM(m.kind = 'MEAL') > 0
            ORDER BY m.service_date, m.site_id, m.slot, m.operator_id""";
    /** What the dashboard reads of the roll-up for the days that are not marked: its sums per day, year to date. */
    private static final String FLOOR_ROLLUP_DAYS = """
            SELECT r.service_date, SUM(r.meals), SUM(r.flagged_meals), SUM(r.subsidy_fen), SUM(r.public_subsidy_fen)
            FROM meal_slot_rollup r
            WHERE r.site_id IN (%s) AND r.service_date BETWEEN ? AND ?
            GROUP BY r.service_date""";
    /** What SatisfactionMapper.tallyByOperator read before the rating tally (V40): the month's ratings of the district's sites per operator. */
    private static final String FLOOR_RATINGS_BY_OPERATOR = """
            SELECT r.operator_id, COUNT(*) AS rating_count, SUM(r.score) AS score_sum
            FROM meal_rating r
            WHERE r.site_id IN (%s) AND r.service_date BETWEEN ? AND ?
            GROUP BY r.operator_id""";

    /** SatisfactionMapper.tallyByOperator: the same per operator over the rating tally (V40). */
    private static final String FLOOR_TALLY_BY_OPERATOR = """
            SELECT t.operator_id, SUM(t.ratings - t.counter_ratings), SUM(t.score_sum - t.counter_score_sum)
            FROM meal_rating_tally t
            WHERE t.site_id IN (%s) AND t.service_date BETWEEN ? AND ?
            GROUP BY t.operator_id""";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final BenchmarkGraphQl api;
    private final String tag = "quality" + System.nanoTime();
    private final HeapMeter meter = new HeapMeter();
    private final QualitySeeder seeder;

    private QualityBenchmark(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.api = new BenchmarkGraphQl(context, Duration.ofMinutes(30));
        this.seeder = new QualitySeeder(jdbc, dataSource, tag, ACTOR);
    }

    public static void main(String[] args) throws Exception {
        // nothing else should write while the figures are taken
        BenchmarkApp.run(context -> new QualityBenchmark(context).run(), "--zhucan.booking.jobs-enabled=false");
    }

    private void run() throws Exception {
        YearMonth month = YearMonth.from(LocalDate.now(BusinessTime.ZONE)).minusMonths(1);
        LocalDate today = LocalDate.now(BusinessTime.ZONE);

        long seedStart = System.nanoTime();
        SettlementSeeder.Seeded seeded = new SettlementSeeder(jdbc, dataSource).seed(DISTRICT_CODE, month, SITES, DINERS, DAYS, tag, ACTOR);
        long seedNanos = System.nanoTime() - seedStart;

        long qualityStart = System.nanoTime();
        QualitySeeder.Seeded quality = seeder.seed(seeded);
        long qualityNanos = System.nanoTime() - qualityStart;
        String weights = seeder.ensureWeights(seeded.districtId());

        String districtPath = jdbc.queryForObject("SELECT path FROM region WHERE id = ?", String.class, seeded.districtId());
        List<Long> districtSites = jdbc.queryForList("SELECT s.id FROM site s JOIN region c ON c.id = s.community_id"
                + " WHERE c.path LIKE CONCAT(?, '%') ORDER BY s.id", Long.class, districtPath);
        long ratedSite = seeded.sites()[0];

        String admin = api.login(ADMIN_ACCOUNT, DEMO_PASSWORD);
        // the seeders write by SQL, around the application, as a data migration would: the roll-ups are rebuilt from the
        // records the way an administrator would then, through rebuildMealRollups over the year so far
        long rebuildStart = System.nanoTime();
        Map<String, Object> rebuild = map(map(api.send(api.body(REBUILD, Map.of("input", Map.of("from", today.withDayOfYear(1).toString(),
                "to", today.toString()))), admin), "rebuildMealRollups"), "rebuilt");
        long rebuildNanos = System.nanoTime() - rebuildStart;
        Map<String, Object> evaluationVariables = Map.of("districtId", Long.toString(seeded.districtId()), "month", month.toString());
        Map<String, Object> dashboardVariables = Map.of("districtId", Long.toString(seeded.districtId()), "days", DASHBOARD_DAYS);
        Map<String, Object> siteRatingsVariables = Map.of("siteId", Long.toString(ratedSite), "month", month.toString());
        Map<String, Object> missingVariables = Map.of("filter", Map.of("from", month.atDay(1).toString(), "to", month.atDay(DAYS).toString(),
                "operatorId", Long.toString(seeded.operatorId())));

        // the year read once after seeding, so that no timed run below comes straight after the writes
        Floor coldServedDays = floor(FLOOR_SERVED_DAYS, districtSites, today.withDayOfYear(1), today);

        List<HeapMeter.Measured> evaluations = repeat(() -> api.send(api.body(EVALUATIONS, evaluationVariables), admin));
        List<HeapMeter.Measured> dashboards = repeat(() -> api.send(api.body(DASHBOARD, dashboardVariables), admin));
        List<HeapMeter.Measured> siteRatings = repeat(() -> api.send(api.body(SITE_RATINGS, siteRatingsVariables), admin));
        List<HeapMeter.Measured> missing = repeat(() -> api.send(api.body(MISSING, missingVariables), admin));

        List<Floor> servedDays = List.of(floor(FLOOR_SERVED_DAYS, districtSites, today.withDayOfYear(1), today),
                floor(FLOOR_SERVED_DAYS, districtSites, today.withDayOfYear(1), today));
        List<Floor> servedSlots = List.of(floor(FLOOR_SERVED_SLOTS, districtSites, month.atDay(1), month.atEndOfMonth()),
                floor(FLOOR_SERVED_SLOTS, districtSites, month.atDay(1), month.atEndOfMonth()));
        List<Floor> tallyByOperator = List.of(floor(FLOOR_TALLY_BY_OPERATOR, districtSites, month.atDay(1), month.atEndOfMonth()),
                floor(FLOOR_TALLY_BY_OPERATOR, districtSites, month.atDay(1), month.atEndOfMonth()));
        List<Floor> rollupDays = List.of(floor(FLOOR_ROLLUP_DAYS, districtSites, today.withDayOfYear(1), today),
                floor(FLOOR_ROLLUP_DAYS, districtSites, today.withDayOfYear(1), today));
        List<Floor> ratingsByOperator = List.of(floor(FLOOR_RATINGS_BY_OPERATOR, districtSites, month.atDay(1), month.atEndOfMonth()),
                floor(FLOOR_RATINGS_BY_OPERATOR, districtSites, month.atDay(1), month.atEndOfMonth()));

        System.out.printf("%nquality reads over %,d seeded meal records (%d cores; MariaDB/MySQL %s, innodb_buffer_pool_size %,d MB, Redis and this"
                        + " JVM on one machine; max heap %,d MB)%n", seeded.records(), Runtime.getRuntime().availableProcessors(), databaseVersion(),
                bufferPoolBytes() / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.printf("one operator (id %d), %d sites in %s (id %d; %d sites in the district in all), %,d diners x %d days of %s, all LUNCH;"
                        + " meal_record rows in the database: %,d%n", seeded.operatorId(), SITES, DISTRICT_CODE, seeded.districtId(),
                districtSites.size(), seeded.diners(), DAYS, month, jdbc.queryForObject("SELECT COUNT(*) FROM meal_record", Long.class));
        System.out.printf("%s%n", weights);
        System.out.printf("seeding:%n");
        System.out.printf("  SettlementSeeder (operator, sites, diners, %,d records + %,d shares): %.1f s (records and shares %.1f s)%n",
                seeded.records(), seeded.shares(), seedNanos / 1e9, seeded.recordNanos() / 1e9);
        System.out.printf("  %,d meal_rating + %,d meal_rating_tag, %,d sample_retention + dish (of %,d slots), %,d inspection + %,d"
                        + " inspection_item: %.1f s (ratings %.1f s)%n", quality.ratings(), quality.tags(), quality.retentions(),
                (long) SITES * DAYS, quality.inspections(), quality.items(), qualityNanos / 1e9, quality.ratingNanos() / 1e9);
        System.out.printf("  roll-ups rebuilt from the records (rebuildMealRollups, %s..%s over HTTP): %,d site days, %,d computed, %d still"
                + " marked: %.1f s%n", today.withDayOfYear(1), today, toLong(rebuild.get("siteDays")), toLong(rebuild.get("computed")),
                toLong(rebuild.get("stillMarked")), rebuildNanos / 1e9);
        System.out.printf("over GraphQL HTTP as ADMIN, %d runs each (the first cold), then the floors straight in SQL over JDBC:%n", RUNS);
        System.out.printf("  %-62s %9s %14s %14s %14s%n", "", "wall s", "heap before MB", "heap peak MB", "allocated MB");
        print("operatorEvaluations(%s)".formatted(month), evaluations);
        print("districtDashboard(days: %d)".formatted(DASHBOARD_DAYS), dashboards);
        print("siteRatings(site %d, %s)".formatted(ratedSite, month), siteRatings);
        print("missingSampleLogs(%s..%s, operator)".formatted(month.atDay(1), month.atDay(DAYS)), missing);
        System.out.printf("  %-62s %9.2f  (%d rows; first read after seeding)%n", "floor: servedDays GROUP BY day, %d sites, year to date"
                .formatted(districtSites.size()), coldServedDays.nanos() / 1e9, coldServedDays.rows());
        printFloor("floor: servedDays GROUP BY day, year to date", servedDays);
        printFloor("floor: servedSlots GROUP BY site x operator x day x slot, month", servedSlots);
        printFloor("floor: meal_rating GROUP BY operator, month", ratingsByOperator);
        printFloor("floor: meal_rating_tally GROUP BY operator, month", tallyByOperator);
        printFloor("floor: meal_slot_rollup GROUP BY day, year to date", rollupDays);

        System.out.println("checks:");
        Map<String, Object> ranking = map(evaluations.get(RUNS - 1).data(), "operatorEvaluations");
        long evaluated = -1;
        long ratingsEvaluated = -1;
        int operators = 0;
        for (Object each : (List<?>) ranking.get("evaluations")) {
            operators++;
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) each;
            if (Long.toString(seeded.operatorId()).equals(map(row, "operator").get("id"))) {
                evaluated = toLong(row.get("mealsServed"));
                for (Object metric : (List<?>) row.get("metrics")) {
                    if ("SATISFACTION".equals(((Map<?, ?>) metric).get("metric"))) {
                        ratingsEvaluated = toLong(((Map<?, ?>) metric).get("sampleSize"));
                    }
                }
                System.out.printf("    seeded operator: rank %s of %d, score %s, metrics %s%n", row.get("rank"), ((List<?>) ranking.get("evaluations"))
                        .size(), row.get("score"), ((List<?>) row.get("metrics")).stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        }
        check("evaluation mealsServed (seeded operator) = records seeded", evaluated, seeded.records());
        // the evaluation reads ratings from their tally (V40), rebuilt with the roll-ups: it must count what the ratings are
        check("evaluation SATISFACTION sampleSize (seeded operator) = direct COUNT", ratingsEvaluated, jdbc.queryForObject(
                "SELECT COUNT(*) FROM meal_rating WHERE operator_id = ? AND service_date BETWEEN ? AND ? AND channel <> 'COUNTER'", Long.class,
                seeded.operatorId(), month.atDay(1), month.atEndOfMonth()));
        System.out.printf("    %d operators ranked%n", operators);

        long dashboardMonth = 0;
        for (Object each : (List<?>) map(dashboards.get(RUNS - 1).data(), "districtDashboard").get("days")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> day = (Map<String, Object>) each;
            if (YearMonth.from(LocalDate.parse((String) day.get("date"))).equals(month)) {
                dashboardMonth += toLong(day.get("mealsServed"));
            }
        }
        long districtMonth = jdbc.queryForObject("SELECT COUNT(*) FROM meal_record m JOIN site s ON s.id = m.site_id JOIN region c"
                + " ON c.id = s.community_id WHERE c.path LIKE CONCAT(?, '%') AND m.service_date BETWEEN ? AND ? AND m.kind = 'MEAL'"
                + " AND m.reversed_by_id IS NULL", Long.class, districtPath, month.atDay(1), month.atEndOfMonth());
        System.out.printf("  %-62s %s%n", "dashboard mealsServed over %s >= records seeded".formatted(month), dashboardMonth >= seeded.records()
                ? "ok (%,d >= %,d)".formatted(dashboardMonth, seeded.records()) : "MISMATCH: %,d < %,d".formatted(dashboardMonth, seeded.records()));
        check("dashboard mealsServed over %s = direct COUNT of the district".formatted(month), dashboardMonth, districtMonth);

        Map<String, Object> ratings = map(siteRatings.get(RUNS - 1).data(), "siteRatings");
        long directRatings = jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating WHERE site_id = ? AND service_date BETWEEN ? AND ?", Long.class,
                ratedSite, month.atDay(1), month.atEndOfMonth());
        check("siteRatings.ratingCount = direct COUNT", toLong(ratings.get("ratingCount")), directRatings);
        check("siteRatings.ratings.totalCount = direct COUNT", toLong(map(ratings, "ratings").get("totalCount")), directRatings);
        System.out.printf("    site %d: average %s, scores %s, operator %s%n", ratedSite, ratings.get("averageScore"), ratings.get("scoreCounts"),
                ratings.get("operator"));
        check("missingSampleLogs.totalCount = slots seeded without a log", toLong(map(missing.get(RUNS - 1).data(), "missingSampleLogs")
                .get("totalCount")), (long) SITES * DAYS - quality.retentions());
    }

    // ---------------------------------------------------------------- the floor

    private Floor floor(String sql, List<Long> siteIds, LocalDate from, LocalDate to) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.formatted(siteIds.stream().map(String::valueOf)
                     .collect(Collectors.joining(", "))))) {
            select.setDate(1, Date.valueOf(from));
            select.setDate(2, Date.valueOf(to));
            long before = System.nanoTime();
            long rows = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return new Floor(System.nanoTime() - before, rows);
        }
    }

    // ---------------------------------------------------------------- measuring

    private List<HeapMeter.Measured> repeat(HeapMeter.Request request) throws Exception {
        List<HeapMeter.Measured> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(meter.measure(request));
        }
        return runs;
    }

    private static void print(String what, List<HeapMeter.Measured> runs) {
        for (int i = 0; i < runs.size(); i++) {
            HeapMeter.Measured measured = runs.get(i);
            System.out.printf("  %-62s %9.2f %14.0f %14.0f %14.0f%n", i == 0 ? what + ", cold" : "  warm " + i, measured.nanos() / 1e9,
                    measured.heapBefore() / 1048576.0, measured.heapPeak() / 1048576.0, measured.allocated() / 1048576.0);
        }
    }

    private static void printFloor(String what, List<Floor> runs) {
        System.out.printf("  %-62s %9s  (%d rows)%n", what, runs.stream().map(run -> "%.2f".formatted(run.nanos() / 1e9))
                .collect(Collectors.joining(" / ")), runs.get(0).rows());
    }

    private static void check(String what, long actual, long expected) {
        System.out.printf("  %-62s %s%n", what, actual == expected ? "ok (%,d)".formatted(actual)
                : "MISMATCH: %,d, expected %,d".formatted(actual, expected));
    }

    static String ids(long[] ids) {
        return java.util.Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    private static long toLong(Object number) {
        return ((Number) number).longValue();
    }

    private String databaseVersion() {
        return jdbc.queryForObject("SELECT VERSION()", String.class);
    }

    private long bufferPoolBytes() {
        return jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
    }


    private record Floor(long nanos, long rows) {
    }
}
