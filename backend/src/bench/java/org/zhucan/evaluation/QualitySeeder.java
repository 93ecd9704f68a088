package org.zhucan.evaluation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.settlement.SettlementSeeder;

/**
 * The quality benchmark's data on top of the settlement seeder's month of records: ratings (some
 * with tags), sample retention logs and inspections, written by batched JDBC, and the district's
 * evaluation weights.
 */
final class QualitySeeder {

    /** Ratings per transaction and per batch. */
    private static final int CHUNK = 10_000;
    private static final String[] BAD_TAGS = {"TOO_SALTY", "TOO_BLAND", "TOO_OILY", "TOO_HARD", "COLD", "SMALL_PORTION", "LATE_DELIVERY",
            "UNFRIENDLY_SERVICE"};
    private static final String[] GOOD_TAGS = {"TASTY", "FRIENDLY_SERVICE"};
    private static final String[] ITEMS = {"LICENCES", "HEALTH_CERTIFICATES", "RAW_MATERIAL_RECORDS", "STORAGE", "PROCESSING",
            "TABLEWARE_DISINFECTION", "SAMPLE_RETENTION", "PEST_CONTROL", "ENVIRONMENT_HYGIENE", "ALLERGEN_AND_ELDERLY_DIET"};

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final String tag;
    private final String actor;

    QualitySeeder(JdbcTemplate jdbc, DataSource dataSource, String tag, String actor) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tag = tag;
        this.actor = actor;
    }

    /**
     * Ratings of about 30% of the seeded records (those whose CRC32 of the id is 0, 1 or 2 modulo 10: the ids follow the sites round, so the id alone would rate only some sites), some with
     * tags; a sample retention log of every (site, day, LUNCH) slot but one in ten; inspections on
     * days 6 and 18 of the month at every site, most passed.
     */
    Seeded seed(SettlementSeeder.Seeded seeded) throws Exception {
        long ratingStart = System.nanoTime();
        String siteList = QualityBenchmark.ids(seeded.sites());
        List<long[]> picked = new ArrayList<>();
        jdbc.query("SELECT id, diner_id, site_id, service_date FROM meal_record WHERE site_id IN (" + siteList + ")"
                        + " AND service_date BETWEEN ? AND ? AND MOD(CRC32(id), 10) < 3 ORDER BY id",
                row -> {
                    picked.add(new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getDate(4).toLocalDate().toEpochDay()});
                }, seeded.firstDay(), seeded.lastDay());
        Random random = new Random(42);
        long ratings = 0;
        long tags = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < picked.size(); from += CHUNK) {
                List<long[]> chunk = picked.subList(from, Math.min(from + CHUNK, picked.size()));
                int[] scores = new int[chunk.size()];
                long[] ids = new long[chunk.size()];
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO meal_rating (meal_record_id, diner_id, site_id, operator_id,"
                        + " service_date, slot, score, rated_by, rated_at) VALUES (?, ?, ?, ?, ?, 'LUNCH', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        long[] record = chunk.get(i);
                        LocalDate date = LocalDate.ofEpochDay(record[3]);
                        scores[i] = score(random, (int) (record[2] % 4));
                        insert.setLong(1, record[0]);
                        insert.setLong(2, record[1]);
                        insert.setLong(3, record[2]);
                        insert.setLong(4, seeded.operatorId());
                        insert.setDate(5, Date.valueOf(date));
                        insert.setInt(6, scores[i]);
                        insert.setString(7, "diner-" + record[1]);
                        insert.setTimestamp(8, Timestamp.from(date.atTime(LocalTime.of(13, 0)).atZone(BusinessTime.ZONE).toInstant()
                                .plusSeconds(random.nextInt(2 * 86_400))));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    int keys = 0;
                    try (ResultSet generated = insert.getGeneratedKeys()) {
                        while (generated.next()) {
                            ids[keys++] = generated.getLong(1);
                        }
                    }
                    if (keys != ids.length) {
                        throw new IllegalStateException(keys + " generated keys for " + ids.length + " ratings");
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO meal_rating_tag (rating_id, tag) VALUES (?, ?)")) {
                    for (int i = 0; i < ids.length; i++) {
                        if (random.nextInt(10) >= 4) {
                            continue;
                        }
                        String[] pool = scores[i] >= 4 ? GOOD_TAGS : BAD_TAGS;
                        int first = random.nextInt(pool.length);
                        insert.setLong(1, ids[i]);
                        insert.setString(2, pool[first]);
                        insert.addBatch();
                        tags++;
                        if (random.nextBoolean()) {
                            insert.setLong(1, ids[i]);
                            insert.setString(2, pool[(first + 1) % pool.length]);
                            insert.addBatch();
                            tags++;
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
                ratings += ids.length;
            }
        }
        long ratingNanos = System.nanoTime() - ratingStart;

        Timestamp now = Timestamp.from(Instant.now());
        int retentions = 0;
        int inspections = 0;
        int items = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Long> retentionIds = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sample_retention (site_id, service_date, slot, kept_at, keeper,"
                    + " logged_by, logged_at) VALUES (?, ?, 'LUNCH', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int s = 0; s < seeded.sites().length; s++) {
                    for (LocalDate day = seeded.firstDay(); !day.isAfter(seeded.lastDay()); day = day.plusDays(1)) {
                        if ((s + day.getDayOfMonth()) % 10 == 0) {
                            continue;
                        }
                        insert.setLong(1, seeded.sites()[s]);
                        insert.setDate(2, Date.valueOf(day));
                        insert.setTimestamp(3, Timestamp.from(day.atTime(LocalTime.of(11, 30)).atZone(BusinessTime.ZONE).toInstant()));
                        insert.setString(4, "留样员" + s);
                        insert.setString(5, actor);
                        insert.setTimestamp(6, now);
                        insert.addBatch();
                        retentions++;
                    }
                }
                insert.executeBatch();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    while (generated.next()) {
                        retentionIds.add(generated.getLong(1));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sample_retention_dish (retention_id, position, dish_name,"
                    + " weight_grams) VALUES (?, 1, '红烧肉', 150)")) {
                for (long id : retentionIds) {
                    insert.setLong(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<Long> inspectionIds = new ArrayList<>();
            List<String> results = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inspection (site_id, operator_id, inspected_on, result, summary,"
                    + " follow_up_due, inspector, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int s = 0; s < seeded.sites().length; s++) {
                    for (int dayOfMonth : new int[] {6, 18}) {
                        LocalDate day = seeded.firstDay().withDayOfMonth(dayOfMonth);
                        String result = (s + dayOfMonth) % 7 == 0 ? "FAILED" : (s + dayOfMonth) % 3 == 0 ? "NEEDS_RECTIFICATION" : "PASSED";
                        insert.setLong(1, seeded.sites()[s]);
                        insert.setLong(2, seeded.operatorId());
                        insert.setDate(3, Date.valueOf(day));
                        insert.setString(4, result);
                        insert.setString(5, "质量基准检查");
                        if ("PASSED".equals(result)) {
                            insert.setNull(6, java.sql.Types.DATE);
                        } else {
                            insert.setDate(6, Date.valueOf(day.plusDays(7)));
                        }
                        insert.setString(7, "inspector");
                        insert.setTimestamp(8, now);
                        insert.addBatch();
                        results.add(result);
                        inspections++;
                    }
                }
                insert.executeBatch();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    while (generated.next()) {
                        inspectionIds.add(generated.getLong(1));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inspection_item (inspection_id, item, passed, note)"
                    + " VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < inspectionIds.size(); i++) {
                    boolean passed = "PASSED".equals(results.get(i));
                    for (int item = 0; item < ITEMS.length; item++) {
                        boolean itemPassed = passed || item % 3 != 0;
                        insert.setLong(1, inspectionIds.get(i));
                        insert.setString(2, ITEMS[item]);
                        insert.setBoolean(3, itemPassed);
                        insert.setString(4, itemPassed ? null : "需整改");
                        insert.addBatch();
                        items++;
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        jdbc.execute("ANALYZE TABLE meal_rating, meal_rating_tag, sample_retention, sample_retention_dish, inspection, inspection_item");
        return new Seeded(ratings, tags, retentions, inspections, items, ratingNanos);
    }

    /** 1 to 5, mostly 4 and 5, a little worse at every fourth site. */
    private static int score(Random random, int siteGroup) {
        int r = random.nextInt(100);
        int score = r < 4 ? 1 : r < 10 ? 2 : r < 28 ? 3 : r < 63 ? 4 : 5;
        return siteGroup == 0 && score > 1 ? score - 1 : score;
    }

    /** Weights for the district from 2024-01 when it has none then. */
    String ensureWeights(long districtId) {
        int inserted = jdbc.update("INSERT IGNORE INTO evaluation_weights (district_id, effective_month, operating_rate, satisfaction, inspection,"
                + " flags, no_show, set_by, set_at) VALUES (?, '2024-01-01', 25, 25, 20, 15, 15, ?, UTC_TIMESTAMP(6))", districtId, actor);
        return inserted == 1 ? "evaluation weights 25/25/20/15/15 set for the district from 2024-01"
                : "evaluation weights from 2024-01 already there for the district";
    }

    record Seeded(long ratings, long tags, int retentions, int inspections, int items, long ratingNanos) {
    }
}
