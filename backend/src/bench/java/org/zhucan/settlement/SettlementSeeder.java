package org.zhucan.settlement;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.BenchmarkData;
import org.zhucan.testsupport.ThreadedRun;

/**
 * The data the settlement benchmark settles, made straight in SQL: a fresh operator running
 * copies of a demo canteen spread over the district's communities, fresh diners, and one
 * subsidised lunch per diner on each of the first days of a month, each with a CITY and a
 * DISTRICT share. Through the API a million records would take some twenty minutes (an upload
 * manages about 900 a second); here they go in as multi-row INSERTs
 * ({@code rewriteBatchedStatements=true} on the application's pool), records and then their
 * shares, on two connections.
 *
 * <p>Records go in day by day, as counters and uploads would write them, so that record ids, and
 * with them the clustered order of records, shares and claims, follow the dates.
 */
public final class SettlementSeeder {

    /** Records per transaction and per batch: small enough for the undo log, large enough that commits cost nothing. */
    public static final int CHUNK = 10_000;
    /** Two connections: one alone waits on the disk while the other core idles (the buffer pool holds a fraction of the rows). */
    public static final int THREADS = 2;
    private static final String TEMPLATE_SITE = "孝文街道长者食堂";
    private static final long PRICE_FEN = 1200;
    private static final long CITY_SHARE_FEN = 300;
    /** Null first: records whose tier was by age alone; every category besides, so that lines group into several rows a site and source. */
    private static final String[] CATEGORIES = {null, "EXTREME_POVERTY", "MIN_LIVING", "LOW_INCOME_EDGE", "DISABLED", "LIVING_ALONE",
            "SPECIAL_FAMILY", "ENTITLED"};
    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final String INSERT_RECORD = "INSERT INTO meal_record (kind, site_id, operator_id, diner_id, service_date, slot, served_at,"
            + " verification, verification_note, price_fen, subsidy_fen, diner_pays_fen, policy_id, diner_category, quote, second_meal, origin,"
            + " recorded_by, recorded_at)"
            + " VALUES ('MEAL', ?, ?, ?, ?, 'LUNCH', ?, 'STAFF_PROXY', '老人无法出示证件', ?, ?, ?, NULL, ?, '{}', FALSE, 'OFFLINE', ?, ?)";
    private static final String INSERT_SHARE = "INSERT INTO meal_record_share (meal_record_id, source, amount_fen) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public SettlementSeeder(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** What was made, and how long the records and shares took (operator, sites and diners apart). */
    public record Seeded(long operatorId, long districtId, long[] sites, int diners, LocalDate firstDay, LocalDate lastDay, long records,
                         long shares, long setUpNanos, long recordNanos) {
    }

    /**
     * A fresh operator with {@code siteCount} sites in the district of {@code districtCode} and
     * {@code dinerCount} diners, each served one subsidised lunch on each of the first
     * {@code days} days of the month at their own site.
     */
    public Seeded seed(String districtCode, YearMonth month, int siteCount, int dinerCount, int days, String tag, String actor)
            throws Exception {
        if (days > month.lengthOfMonth()) {
            throw new IllegalArgumentException(month + " has no " + days + " days");
        }
        long setUpStart = System.nanoTime();
        Map<String, Object> district = jdbc.queryForMap("SELECT id, path FROM region WHERE division_code = ? AND level = 'DISTRICT'", districtCode);
        long districtId = ((Number) district.get("id")).longValue();
        long operator = operator(tag);
        long[] sites = sites(operator, (String) district.get("path"), siteCount, tag, actor);
        long[] diners = diners(dinerCount, tag, actor);
        long setUpNanos = System.nanoTime() - setUpStart;

        long recordStart = System.nanoTime();
        int chunksPerDay = (diners.length + CHUNK - 1) / CHUNK;
        Connection[] connections = new Connection[THREADS];
        LongAdder records = new LongAdder();
        LongAdder shares = new LongAdder();
        Timestamp recordedAt = Timestamp.from(Instant.now());
        try {
            for (int t = 0; t < THREADS; t++) {
                connections[t] = dataSource.getConnection();
                connections[t].setAutoCommit(false);
            }
            // chunks are taken in order, so record ids still follow the dates
            ThreadedRun.time("settlement-seeder", THREADS, days * chunksPerDay, (thread, index) -> {
                LocalDate date = month.atDay(1 + index / chunksPerDay);
                int from = (index % chunksPerDay) * CHUNK;
                int to = Math.min(from + CHUNK, diners.length);
                shares.add(chunk(connections[thread], operator, sites, diners, from, to, date, recordedAt, actor));
                records.add(to - from);
            });
        } finally {
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
        // fresh statistics, so that the plans the settlement gets do not depend on when the background recalculation last ran
        jdbc.execute("ANALYZE TABLE meal_record, meal_record_share");
        long recordNanos = System.nanoTime() - recordStart;
        return new Seeded(operator, districtId, sites, diners.length, month.atDay(1), month.atDay(days), records.sum(), shares.sum(), setUpNanos,
                recordNanos);
    }

    /**
     * {@code count} new diners, each served one subsidised lunch at the seeded sites on the seeded month's last day: the records
     * that come after a statement was generated. How many records were written.
     */
    public int moreRecords(Seeded seeded, int count, String tag, String actor) throws Exception {
        long[] diners = diners(count, tag, actor);
        Timestamp recordedAt = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < count; from += CHUNK) {
                chunk(connection, seeded.operatorId(), seeded.sites(), diners, from, Math.min(count, from + CHUNK), seeded.lastDay(), recordedAt,
                        actor);
            }
        }
        jdbc.execute("ANALYZE TABLE meal_record, meal_record_share");
        return count;
    }

    /**
     * One chunk, diners from to to of one day, in one transaction: its records, then their CITY and
     * DISTRICT shares by the generated keys (a fixed CITY part, the rest DISTRICT). The shares
     * written. Keys rather than an INSERT ... SELECT of the id range: the other connection's ids
     * interleave, and reading its uncommitted rows would wait on them.
     */
    private static int chunk(Connection connection, long operator, long[] sites, long[] diners, int from, int to, LocalDate date,
                             Timestamp recordedAt, String actor) throws Exception {
        Instant eleven = date.atTime(LocalTime.of(11, 0)).atZone(BusinessTime.ZONE).toInstant();
        long[] subsidies = new long[to - from];
        long[] ids = new long[to - from];
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD, Statement.RETURN_GENERATED_KEYS)) {
            for (int d = from; d < to; d++) {
                String category = category(d, sites.length);
                subsidies[d - from] = subsidyFen(category, d);
                insert.setLong(1, sites[d % sites.length]);
                insert.setLong(2, operator);
                insert.setLong(3, diners[d]);
                insert.setDate(4, Date.valueOf(date));
                // spread over the two hours of lunch, a diner at the same minute every day
                insert.setTimestamp(5, Timestamp.from(eleven.plusSeconds(d % 7_200)));
                insert.setLong(6, PRICE_FEN);
                insert.setLong(7, subsidies[d - from]);
                insert.setLong(8, PRICE_FEN - subsidies[d - from]);
                if (category == null) {
                    insert.setNull(9, Types.VARCHAR);
                } else {
                    insert.setString(9, category);
                }
                insert.setString(10, actor);
                insert.setTimestamp(11, recordedAt);
                insert.addBatch();
            }
            insert.executeBatch();
            int keys = 0;
            try (ResultSet generated = insert.getGeneratedKeys()) {
                while (generated.next()) {
                    if (keys == ids.length) {
                        throw new IllegalStateException("more generated keys than the chunk's " + ids.length + " records");
                    }
                    ids[keys++] = generated.getLong(1);
                }
            }
            if (keys != ids.length) {
                throw new IllegalStateException(keys + " generated keys for a chunk of " + ids.length);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SHARE)) {
            for (int i = 0; i < ids.length; i++) {
                insert.setLong(1, ids[i]);
                insert.setString(2, "CITY");
                insert.setLong(3, CITY_SHARE_FEN);
                insert.addBatch();
                insert.setLong(1, ids[i]);
                insert.setString(2, "DISTRICT");
                insert.setLong(3, subsidies[i] - CITY_SHARE_FEN);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        return 2 * ids.length;
    }

    /**
     * The category of the diner at index d: it changes only every {@code sites} diners, since the
     * site is d modulo sites, so that every site serves every category.
     */
    private static String category(int d, int sites) {
        return CATEGORIES[(d / sites) % CATEGORIES.length];
    }

    /** As the demo policy would quote them: 11.00 for the listed categories, 9.00 or 7.00 by age otherwise. */
    private static long subsidyFen(String category, int d) {
        if (category == null) {
            return d % 3 == 0 ? 900 : 700;
        }
        return switch (category) {
            case "EXTREME_POVERTY", "MIN_LIVING", "LOW_INCOME_EDGE", "ENTITLED" -> 1100;
            default -> 900;
        };
    }

    // ---------------------------------------------------------------- set-up

    private long operator(String tag) {
        String code = freshCreditCode();
        jdbc.update("INSERT INTO operator (name, credit_code, kind, created_at) VALUES (?, ?, 'CATERING_ENTERPRISE', UTC_TIMESTAMP(6))",
                "结算基准运营 " + tag, code);
        return jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = ?", Long.class, code);
    }

    /** Copies of the demo canteen, handed to the operator and spread round the district's communities, so the path match has work to do. */
    private long[] sites(long operator, String districtPath, int count, String tag, String actor) {
        long template = jdbc.queryForObject("SELECT id FROM site WHERE name = ?", Long.class, TEMPLATE_SITE);
        List<Long> communities = jdbc.queryForList("SELECT id FROM region WHERE level = 'COMMUNITY' AND path LIKE CONCAT(?, '%') ORDER BY id",
                Long.class, districtPath);
        if (communities.isEmpty()) {
            throw new IllegalStateException("no communities under " + districtPath + ": is the demo data loaded?");
        }
        long[] sites = new long[count];
        for (int i = 0; i < count; i++) {
            sites[i] = BenchmarkData.copyOperatingSite(jdbc, template, "%s-site-%02d".formatted(tag, i), actor);
            jdbc.update("UPDATE site SET operator_id = ?, community_id = ? WHERE id = ?", operator, communities.get(i % communities.size()), sites[i]);
        }
        return sites;
    }

    /** Copies of the first active demo diner; settlement never reads a diner, so one template serves. */
    private long[] diners(int count, String tag, String actor) {
        Map<String, Object> template = jdbc.queryForMap("SELECT id_number_enc, id_number_masked, birth_date, sex, home_community_id, address"
                + " FROM diner WHERE status = 'ACTIVE' ORDER BY id LIMIT 1");
        return BenchmarkData.copyDiners(jdbc, template, count, tag, actor);
    }

    /** An unused unified social credit code with a valid check character (GB 32100). */
    private String freshCreditCode() {
        while (true) {
            StringBuilder code = new StringBuilder("91410300MA");
            for (int i = 0; i < 7; i++) {
                code.append(CREDIT_CODE_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(CREDIT_CODE_ALPHABET.length())));
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += CREDIT_CODE_ALPHABET.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
            }
            code.append(CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM operator WHERE credit_code = ?", Integer.class, code.toString()) == 0) {
                return code.toString();
            }
        }
    }
}
