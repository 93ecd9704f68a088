package org.zhucan.settlement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.BenchmarkApp;
import org.zhucan.testsupport.BenchmarkGraphQl;
import org.zhucan.testsupport.HeapMeter;

import static org.zhucan.testsupport.BenchmarkGraphQl.map;

/**
 * Settlement of a million meal records, in one run: {@code generateSettlement} over the real
 * GraphQL HTTP API as the demo ADMIN for one operator, the demo district and last month (wall time,
 * heap before, peak heap during, bytes allocated), the same statement generated again while it is a
 * DRAFT, and, as the floor, the two GROUP BYs the lines come from run straight in SQL over JDBC (the
 * meal lines' per site, source and category; the operating-subsidy lines' per diner-day, then per
 * site), and the claim's INSERT ... SELECT of the month's record ids into a temporary table. The
 * ratios printed are the generation's wall time over these floors, taken in the same run. Then, the statement
 * submitted by the operator's staff and approved by the district's FINANCE, the approval (which
 * fingerprints every record) and a read of {@code contentVerified} (which does it again).
 *
 * <p>The data comes from {@link SettlementSeeder}: a fresh operator with 20 sites in the demo
 * district, 40,000 fresh diners, one subsidised lunch each on days 1 to 25 of last month, each with
 * a CITY and a DISTRICT share; the seeding is timed too. The demo district's published policy is
 * given an operating subsidy of 3.00 a diner-day from DISTRICT funds when it has none, so that the
 * generation makes OPERATING_SUBSIDY lines as well. Prints figures and checks (record count, meal
 * subsidy and the per-source totals against sums made straight from the records); asserts nothing.
 *
 * <p>Run with {@code ./mvnw -q -pl backend -am spring-boot:test-run@settlement-benchmark} (MySQL and
 * Redis as for the tests). Each run adds a million records and 40,000 diners, and changes the demo
 * policy, so point it at a scratch database of its own, e.g.
 * {@code ZHUCAN_DB_URL=jdbc:mysql://127.0.0.1:3306/zhucan_bench_settle?createDatabaseIfNotExist=true
 * ZHUCAN_REDIS_URL=redis://127.0.0.1:6379/11}.
 */
public final class SettlementBenchmark {

    private static final int SITES = 20;
    /** 40,000 diners x 25 days: a million records; fewer with SETTLEMENT_BENCH_DINERS, for a first run at a modest size. */
    private static final int DINERS = Integer.parseInt(System.getenv().getOrDefault("SETTLEMENT_BENCH_DINERS", "40000"));
    private static final int DAYS = 25;
    private static final String DISTRICT_CODE = "410371000000";
    private static final long OPERATING_SUBSIDY_FEN = 300;
    private static final String OPERATING_SUBSIDY_SOURCE = "DISTRICT";
    private static final String ACTOR = "settlement-benchmark";
    private static final String ADMIN_ACCOUNT = "admin";
    private static final String FINANCE_ACCOUNT = "finance";
    private static final String OPERATOR_ACCOUNT = "operator";
    private static final String DEMO_PASSWORD = "demo1234";

    private static final String STATEMENT_FIELDS = """
            statement { id version status recordCount carriedCount flaggedCount mealSubsidy operatingSubsidy payable totals { source amount } }
            userErrors { code field message }""";
    private static final String GENERATE = "mutation Generate($input: GenerateSettlementInput!) { generateSettlement(input: $input) { "
            + STATEMENT_FIELDS + " } }";
    private static final String SUBMIT = "mutation Submit($input: SettlementTransitionInput!) { submitSettlement(input: $input) { "
            + STATEMENT_FIELDS + " } }";
    private static final String APPROVE = "mutation Approve($input: SettlementTransitionInput!) { approveSettlement(input: $input) { "
            + STATEMENT_FIELDS + " } }";
    private static final String VERIFIED = "query Verified($id: ID!) { settlementStatement(id: $id) { id status contentHash contentVerified } }";

    /** The lines' GROUP BY without the claim: the month's records of the operator joined to their shares, per site, source and category. */
    private static final String FLOOR_GROUP_BY = """
            SELECT m.site_id, sh.source, COALESCE(m.diner_category, '') AS category, COUNT(*) AS meals, SUM(sh.amount_fen) AS amount_fen
            FROM meal_record m JOIN meal_record_share sh ON sh.meal_record_id = m.id
            WHERE m.operator_id = ? AND m.service_date BETWEEN ? AND ? AND sh.amount_fen <> 0
            GROUP BY m.site_id, sh.source, COALESCE(m.diner_category, '')""";
    /**
     * The operating-subsidy lines' GROUP BY without the claim: the month's diner-days of the operator with a standing meal, per site
     * (grouped twice, as the lines are: per diner-day, then per site).
     */
    private static final String FLOOR_DINER_DAYS = """
            SELECT d.site_id, COUNT(*) AS diner_days
            FROM (SELECT m.site_id FROM meal_record m
                  WHERE m.operator_id = ? AND m.service_date BETWEEN ? AND ?
                  GROUP BY m.service_date, m.site_id, m.diner_id
                  HAVING SUM(CASE WHEN m.kind = 'MEAL' THEN 1 ELSE -1 END) > 0) d
            GROUP BY d.site_id""";
    /**
     * The claim's cost without the district's path match or the not-yet-settled check: every record id of the month, written once,
     * with whether it carries flags (taken at the claim, as the real one does).
     */
    private static final String FLOOR_CLAIM_TABLE = """
            CREATE TEMPORARY TABLE bench_claim (meal_record_id BIGINT NOT NULL, statement_id BIGINT NOT NULL, carried BOOLEAN NOT NULL,
                                                flagged BOOLEAN NOT NULL, PRIMARY KEY (meal_record_id)) ENGINE = InnoDB""";
    private static final String FLOOR_CLAIM = """
            INSERT INTO bench_claim (meal_record_id, statement_id, carried, flagged)
            SELECT m.id, 0, m.service_date < ?, EXISTS (SELECT 1 FROM meal_record_flag f WHERE f.meal_record_id = m.id)
            FROM meal_record m WHERE m.operator_id = ? AND m.service_date BETWEEN ? AND ?""";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final BenchmarkGraphQl api;
    private final String tag = "settle" + System.nanoTime();
    private final HeapMeter meter = new HeapMeter();

    private SettlementBenchmark(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.api = new BenchmarkGraphQl(context, Duration.ofMinutes(30));
    }

    public static void main(String[] args) throws Exception {
        // nothing else should write while the figures are taken
        BenchmarkApp.run(context -> new SettlementBenchmark(context).run(), "--zhucan.booking.jobs-enabled=false",
                // generation's SQL steps timed one by one (SettlementService logs them at DEBUG)
                "--logging.level.org.zhucan.settlement.SettlementService=DEBUG");
    }

    private void run() throws Exception {
        YearMonth month = YearMonth.from(LocalDate.now(BusinessTime.ZONE)).minusMonths(1);
        String policyChange = giveOperatingSubsidy(month);

        SettlementSeeder seeder = new SettlementSeeder(jdbc, dataSource);
        SettlementSeeder.Seeded seeded = seeder.seed(DISTRICT_CODE, month, SITES, DINERS, DAYS, tag, ACTOR);
        String operatorStaff = operatorStaff(seeded.operatorId());
        String admin = api.login(ADMIN_ACCOUNT, DEMO_PASSWORD);

        Map<String, Object> input = Map.of("operatorId", Long.toString(seeded.operatorId()), "districtId", Long.toString(seeded.districtId()),
                "periodStart", month.atDay(1).toString(), "periodEnd", month.atEndOfMonth().toString());
        Expected expected = expected(seeded);

        // the month read once after seeding, so that no timed run below comes straight after the writes
        Floor coldGroupBy = floorGroupBy(seeded);

        HeapMeter.Measured first = meter.measure(() -> api.send(api.body(GENERATE, Map.of("input", input)), admin));
        Map<String, Object> generated = statement(first.data(), "generateSettlement");
        HeapMeter.Measured again = meter.measure(() -> api.send(api.body(GENERATE, Map.of("input", input)), admin));
        Map<String, Object> regenerated = statement(again.data(), "generateSettlement");

        Floor groupBy = floorGroupBy(seeded);
        Floor dinerDays = floorDinerDays(seeded);
        Floor claim = floorClaim(seeded, month);
        long linesFloor = groupBy.nanos() + dinerDays.nanos();

        // records that came since (1 %, a day's late uploads): the DRAFT generated again claims them and keeps the rest
        long added = seeder.moreRecords(seeded, (int) Math.max(1, seeded.records() / 100), tag + "more", ACTOR);
        Expected afterMore = expected(seeded);
        HeapMeter.Measured third = meter.measure(() -> api.send(api.body(GENERATE, Map.of("input", input)), admin));
        Map<String, Object> grown = statement(third.data(), "generateSettlement");

        // the content hash: submitted by the operator's staff, approved by the district's finance (not whoever generated it)
        String id = (String) grown.get("id");
        Map<String, Object> submitted = statement(api.send(api.body(SUBMIT, Map.of("input", Map.of("statementId", id, "version",
                grown.get("version")))), operatorStaff), "submitSettlement");
        String finance = api.login(FINANCE_ACCOUNT, DEMO_PASSWORD);
        HeapMeter.Measured approval = meter.measure(() -> api.send(api.body(APPROVE, Map.of("input", Map.of("statementId", id, "version", submitted.get("version")))),
                finance));
        Map<String, Object> approved = statement(approval.data(), "approveSettlement");
        HeapMeter.Measured verification = meter.measure(() -> api.send(api.body(VERIFIED, Map.of("id", id)), finance));
        Map<String, Object> verified = map(verification.data(), "settlementStatement");

        long lines = jdbc.queryForObject("SELECT COUNT(*) FROM settlement_line WHERE statement_id = ?", Long.class, Long.parseLong(id));

        System.out.printf("%nsettlement of %,d meal records (%d cores; MariaDB/MySQL %s, innodb_buffer_pool_size %,d MB, Redis and this JVM on one"
                        + " machine; max heap %,d MB)%n", seeded.records(), Runtime.getRuntime().availableProcessors(), databaseVersion(),
                bufferPoolBytes() / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.printf("one operator, %d sites in %s, %,d diners x %d days of %s, all LUNCH; each record with a CITY and a DISTRICT share;%n",
                SITES, DISTRICT_CODE, seeded.diners(), DAYS, month);
        System.out.printf("%s%n", policyChange);
        System.out.printf("seeding (SettlementSeeder: multi-row INSERTs, %,d records a transaction, on %d connections, rewriteBatchedStatements=%s):%n",
                SettlementSeeder.CHUNK, SettlementSeeder.THREADS, rewriteBatchedStatements());
        System.out.printf("  operator, %d sites, %,d diners: %.1f s%n", SITES, seeded.diners(), seeded.setUpNanos() / 1e9);
        System.out.printf("  %,d meal_record + %,d meal_record_share rows: %.1f s (%,.0f records/s)%n", seeded.records(), seeded.shares(),
                seeded.recordNanos() / 1e9, seeded.records() / (seeded.recordNanos() / 1e9));
        System.out.printf("generateSettlement over GraphQL HTTP as ADMIN, then the floor straight in SQL over JDBC:%n");
        System.out.printf("  %-60s %9s %14s %14s %14s%n", "", "wall s", "heap before MB", "heap peak MB", "allocated MB");
        print("generateSettlement, new statement", first);
        print("generateSettlement again (DRAFT regenerated)", again);
        print("generateSettlement again after %,d more records (+1 %%)".formatted(added), third);
        System.out.printf("  %-60s %9.2f%n", "floor: GROUP BY site x source x category (%d rows)".formatted(groupBy.rows()), groupBy.nanos() / 1e9);
        System.out.printf("  %-60s %9.2f%n", "  the same, first read after seeding", coldGroupBy.nanos() / 1e9);
        System.out.printf("  %-60s %9.2f%n", "floor: GROUP BY diner-day, then site (%d rows)".formatted(dinerDays.rows()), dinerDays.nanos() / 1e9);
        System.out.printf("  %-60s %9.2f%n", "the lines' floor: both GROUP BYs", linesFloor / 1e9);
        System.out.printf("  %-60s %9.2f%n", "floor: INSERT ... SELECT of %,d ids, temporary table".formatted(claim.rows()), claim.nanos() / 1e9);
        System.out.printf("  %-60s %9.2f%n", "generation / the lines' floor (both GROUP BYs)", first.nanos() / (double) linesFloor);
        System.out.printf("  %-60s %9.2f%n", "generation again / the lines' floor", again.nanos() / (double) linesFloor);
        System.out.printf("  %-60s %9.2f%n", "generation again after 1 % more / the lines' floor (before them)",
                third.nanos() / (double) linesFloor);
        System.out.printf("  %-60s %9.2f%n", "generation / the meal lines' GROUP BY alone", first.nanos() / (double) groupBy.nanos());
        System.out.printf("  %-60s %9.2f%n", "generation / (the lines' + INSERT ... SELECT floors)", first.nanos() / (double) (linesFloor
                + claim.nanos()));
        System.out.printf("the content hash (submitted by the operator's staff first, not timed):%n");
        print("approveSettlement as FINANCE (fingerprints every record)", approval);
        print("settlementStatement { contentVerified } as FINANCE", verification);

        System.out.println("checks:");
        check("records seeded = COUNT(*) of the month", expected.records(), seeded.records());
        check("recordCount, new statement", toLong(generated.get("recordCount")), seeded.records());
        check("recordCount, regenerated", toLong(regenerated.get("recordCount")), seeded.records());
        check("recordCount, regenerated after more records", toLong(grown.get("recordCount")), seeded.records() + added);
        check("records after more = COUNT(*) of the month", afterMore.records(), seeded.records() + added);
        check("carriedCount + flaggedCount = 0", toLong(regenerated.get("carriedCount")) + toLong(regenerated.get("flaggedCount")), 0);
        check("mealSubsidy = SUM(meal_record.subsidy_fen), new", fen(generated.get("mealSubsidy")), expected.subsidyFen());
        check("mealSubsidy = SUM(meal_record.subsidy_fen), regenerated", fen(regenerated.get("mealSubsidy")), expected.subsidyFen());
        check("mealSubsidy = the GROUP BY floor's sum", fen(regenerated.get("mealSubsidy")), groupBy.amountFen());
        check("mealSubsidy = SUM(meal_record.subsidy_fen), regenerated after more", fen(grown.get("mealSubsidy")), afterMore.subsidyFen());
        check("operatingSubsidy = diner-days x rate, regenerated after more", fen(grown.get("operatingSubsidy")),
                afterMore.dinerDays() * OPERATING_SUBSIDY_FEN);
        check("operatingSubsidy = diner-days x %.2f".formatted(OPERATING_SUBSIDY_FEN / 100.0), fen(regenerated.get("operatingSubsidy")),
                expected.dinerDays() * OPERATING_SUBSIDY_FEN);
        check("payable = mealSubsidy + operatingSubsidy", fen(regenerated.get("payable")),
                fen(regenerated.get("mealSubsidy")) + fen(regenerated.get("operatingSubsidy")));
        Map<String, Long> totals = new TreeMap<>();
        for (Object each : (List<?>) regenerated.get("totals")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) each;
            totals.put((String) total.get("source"), fen(total.get("amount")));
        }
        Map<String, Long> expectedTotals = new TreeMap<>(expected.sharesBySource());
        expectedTotals.merge(OPERATING_SUBSIDY_SOURCE, expected.dinerDays() * OPERATING_SUBSIDY_FEN, Long::sum);
        check("totals per source = shares (+ operating subsidy)", totals.equals(expectedTotals) ? 0 : 1, 0);
        System.out.printf("    statement %s: %s%n", id, totals.entrySet().stream()
                .map(e -> "%s %,.2f".formatted(e.getKey(), e.getValue() / 100.0)).collect(Collectors.joining(", ")));
        check("MEAL_SUBSIDY + OPERATING_SUBSIDY lines = floor rows", lines, groupBy.rows() + dinerDays.rows());
        check("operatingSubsidy = the diner-day floor's diner-days x %.2f".formatted(OPERATING_SUBSIDY_FEN / 100.0),
                fen(regenerated.get("operatingSubsidy")), dinerDays.amountFen() * OPERATING_SUBSIDY_FEN);
        check("approved (status APPROVED)", "APPROVED".equals(approved.get("status")) ? 0 : 1, 0);
        check("contentVerified", Boolean.TRUE.equals(verified.get("contentVerified")) ? 0 : 1, 0);
    }

    // ---------------------------------------------------------------- set-up

    /**
     * The demo district's published policy version in force at the month's start (the demo publishes a
     * quality-weighted one from next year) given an operating subsidy, when it has none, so that generation runs its operating-subsidy step. In place, in the scratch database.
     */
    private String giveOperatingSubsidy(YearMonth month) {
        Map<String, Object> policy = jdbc.queryForMap("""
                SELECT p.id, p.version, p.effective_from, p.operating_subsidy_fen, p.operating_subsidy_source
                FROM subsidy_policy p JOIN region r ON r.id = p.district_id
                WHERE r.division_code = ? AND p.status = 'PUBLISHED' AND p.effective_from <= ?
                ORDER BY p.effective_from DESC, p.version DESC LIMIT 1""", DISTRICT_CODE, Date.valueOf(month.atDay(1)));
        if (policy.get("operating_subsidy_fen") == null) {
            jdbc.update("UPDATE subsidy_policy SET operating_subsidy_fen = ?, operating_subsidy_source = ? WHERE id = ?", OPERATING_SUBSIDY_FEN,
                    OPERATING_SUBSIDY_SOURCE, policy.get("id"));
            return "operating subsidy %.2f a diner-day from %s set on the published policy (id %s, version %s, from %s) in place"
                    .formatted(OPERATING_SUBSIDY_FEN / 100.0, OPERATING_SUBSIDY_SOURCE, policy.get("id"), policy.get("version"),
                            policy.get("effective_from"));
        }
        long fen = ((Number) policy.get("operating_subsidy_fen")).longValue();
        if (fen != OPERATING_SUBSIDY_FEN || !OPERATING_SUBSIDY_SOURCE.equals(policy.get("operating_subsidy_source"))) {
            throw new IllegalStateException("the demo policy already pays an operating subsidy of " + fen + " fen from "
                    + policy.get("operating_subsidy_source") + "; use a fresh database");
        }
        return "operating subsidy %.2f a diner-day from %s on the published policy (id %s, set by an earlier run)"
                .formatted(OPERATING_SUBSIDY_FEN / 100.0, OPERATING_SUBSIDY_SOURCE, policy.get("id"));
    }

    /** An OPERATOR account of the fresh operator, with the demo password (its hash copied from the demo operator account); its token. */
    private String operatorStaff(long operator) throws Exception {
        String username = tag + "-op";
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)"
                + " SELECT ?, password_hash, ?, TRUE, ?, NULL, UTC_TIMESTAMP(6) FROM app_user WHERE username = ?", username, "结算基准运营员",
                operator, OPERATOR_ACCOUNT);
        jdbc.update("INSERT INTO app_user_role (user_id, role) SELECT id, 'OPERATOR' FROM app_user WHERE username = ?", username);
        return api.login(username, DEMO_PASSWORD);
    }

    /** What the statement must come to, summed straight from the records and shares of the month. */
    private Expected expected(SettlementSeeder.Seeded seeded) {
        Map<String, Object> sums = jdbc.queryForMap("SELECT COUNT(*) AS records, COALESCE(SUM(subsidy_fen), 0) AS subsidy_fen,"
                + " COUNT(DISTINCT site_id, diner_id, service_date) AS diner_days FROM meal_record"
                + " WHERE operator_id = ? AND service_date BETWEEN ? AND ?", seeded.operatorId(), seeded.firstDay(), seeded.lastDay());
        Map<String, Long> bySource = new TreeMap<>();
        jdbc.query("SELECT sh.source, SUM(sh.amount_fen) FROM meal_record m JOIN meal_record_share sh ON sh.meal_record_id = m.id"
                        + " WHERE m.operator_id = ? AND m.service_date BETWEEN ? AND ? GROUP BY sh.source",
                row -> {
                    bySource.put(row.getString(1), row.getLong(2));
                }, seeded.operatorId(), seeded.firstDay(), seeded.lastDay());
        return new Expected(((Number) sums.get("records")).longValue(), ((Number) sums.get("subsidy_fen")).longValue(),
                ((Number) sums.get("diner_days")).longValue(), bySource);
    }

    // ---------------------------------------------------------------- the floor

    private Floor floorGroupBy(SettlementSeeder.Seeded seeded) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(FLOOR_GROUP_BY)) {
            select.setLong(1, seeded.operatorId());
            select.setDate(2, Date.valueOf(seeded.firstDay()));
            select.setDate(3, Date.valueOf(seeded.lastDay()));
            long before = System.nanoTime();
            long rows = 0;
            long amount = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows++;
                    amount += result.getLong("amount_fen");
                }
            }
            return new Floor(System.nanoTime() - before, rows, amount);
        }
    }

    /** The diner-days per site; as its amount, their total. */
    private Floor floorDinerDays(SettlementSeeder.Seeded seeded) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(FLOOR_DINER_DAYS)) {
            select.setLong(1, seeded.operatorId());
            select.setDate(2, Date.valueOf(seeded.firstDay()));
            select.setDate(3, Date.valueOf(seeded.lastDay()));
            long before = System.nanoTime();
            long rows = 0;
            long dinerDays = 0;
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows++;
                    dinerDays += result.getLong("diner_days");
                }
            }
            return new Floor(System.nanoTime() - before, rows, dinerDays);
        }
    }

    /** On one connection, since the temporary table is the session's; dropped after. */
    private Floor floorClaim(SettlementSeeder.Seeded seeded, YearMonth month) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TEMPORARY TABLE IF EXISTS bench_claim");
                statement.execute(FLOOR_CLAIM_TABLE);
            }
            try (PreparedStatement insert = connection.prepareStatement(FLOOR_CLAIM)) {
                insert.setDate(1, Date.valueOf(month.atDay(1)));
                insert.setLong(2, seeded.operatorId());
                insert.setDate(3, Date.valueOf(seeded.firstDay()));
                insert.setDate(4, Date.valueOf(seeded.lastDay()));
                long before = System.nanoTime();
                int rows = insert.executeUpdate();
                return new Floor(System.nanoTime() - before, rows, 0);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TEMPORARY TABLE IF EXISTS bench_claim");
                }
            }
        }
    }

    // ---------------------------------------------------------------- measuring

    private static void print(String run, HeapMeter.Measured measured) {
        System.out.printf("  %-60s %9.2f %14.0f %14.0f %14.0f%n", run, measured.nanos() / 1e9, measured.heapBefore() / 1048576.0,
                measured.heapPeak() / 1048576.0, measured.allocated() / 1048576.0);
    }

    private static void check(String what, long actual, long expected) {
        System.out.printf("  %-62s %s%n", what, actual == expected ? "ok" : "MISMATCH: %,d, expected %,d".formatted(actual, expected));
    }

    // ---------------------------------------------------------------- the API

    /** The payload's statement, or an IllegalStateException with its userErrors. */
    private static Map<String, Object> statement(Map<String, Object> data, String mutation) {
        Map<String, Object> payload = map(data, mutation);
        Map<String, Object> statement = map(payload, "statement");
        if (statement == null) {
            throw new IllegalStateException(mutation + " refused: " + payload.get("userErrors"));
        }
        return statement;
    }

    /** Money comes as an exact decimal string in yuan. */
    private static long fen(Object money) {
        return new BigDecimal((String) money).movePointRight(2).longValueExact();
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

    /** The driver property as the pool hands it to every connection. */
    private Object rewriteBatchedStatements() throws java.sql.SQLException {
        return dataSource.unwrap(HikariDataSource.class).getDataSourceProperties().get("rewriteBatchedStatements");
    }

    private record Floor(long nanos, long rows, long amountFen) {
    }

    private record Expected(long records, long subsidyFen, long dinerDays, Map<String, Long> sharesBySource) {
    }
}
