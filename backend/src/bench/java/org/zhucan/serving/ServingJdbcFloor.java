package org.zhucan.serving;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.Sha256;
import org.zhucan.common.time.BusinessTime;

/**
 * The serving benchmark's floor: the rows an upload writes (a record, its item and its shares),
 * copied from a record the upload accepted and inserted by raw JDBC batches, one transaction a
 * batch, with nothing checked.
 */
final class ServingJdbcFloor {

    private static final String INSERT_RECORD = "INSERT INTO meal_record (kind, site_id, diner_id, service_date, slot, served_at, booking_id,"
            + " verification, verification_note, price_fen, subsidy_fen, diner_pays_fen, policy_id, diner_category, quote, second_meal, origin,"
            + " client_record_id, client_hash, recorded_by, recorded_at, operator_id)"
            + " VALUES ('MEAL', ?, ?, ?, 'LUNCH', ?, NULL, 'STAFF_PROXY', ?, ?, ?, ?, ?, ?, ?, FALSE, 'OFFLINE', ?, ?, ?, ?,"
            + " (SELECT operator_id FROM site WHERE id = ?))";
    private static final String INSERT_ITEM = "INSERT INTO meal_record_item (meal_record_id, position, dish_id, set_meal_name, name, unit_price_fen, quantity)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SHARE = "INSERT INTO meal_record_share (meal_record_id, source, amount_fen) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final String tag;
    private final String actor;
    private final int batchSize;

    ServingJdbcFloor(JdbcTemplate jdbc, DataSource dataSource, String tag, String actor, int batchSize) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tag = tag;
        this.actor = actor;
        this.batchSize = batchSize;
    }

    /** What the floor writes for each record: the values, items and shares of the first record the upload accepted. */
    Template template(long uploadSite) {
        Map<String, Object> row = jdbc.queryForMap("SELECT id, price_fen, subsidy_fen, diner_pays_fen, policy_id, diner_category, quote,"
                + " verification_note FROM meal_record WHERE site_id = ? AND origin = 'OFFLINE' ORDER BY id LIMIT 1", uploadSite);
        long id = ((Number) row.get("id")).longValue();
        List<Map<String, Object>> items = jdbc.queryForList("SELECT position, dish_id, set_meal_name, name, unit_price_fen, quantity"
                + " FROM meal_record_item WHERE meal_record_id = ? ORDER BY position", id);
        List<Map<String, Object>> shares = jdbc.queryForList("SELECT source, amount_fen FROM meal_record_share WHERE meal_record_id = ? ORDER BY source", id);
        return new Template(row, items, shares);
    }

    /** One batch of rows at the site in one transaction: meal_record (and, when full, its items and shares) by batched INSERT; the batch's wall time. */
    long batch(Template template, long floorSite, long[] diners, LocalDate date, int dinerBase, String batch, boolean full) throws Exception {
        Instant eleven = date.atTime(LocalTime.of(11, 0)).atZone(BusinessTime.ZONE).toInstant();
        Map<String, Object> values = template.values();
        long before = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long[] ids = new long[batchSize];
            try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD, Statement.RETURN_GENERATED_KEYS)) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < batchSize; i++) {
                    String clientRecordId = "%s-%s-%04d".formatted(tag, batch, i);
                    insert.setLong(1, floorSite);
                    insert.setLong(2, diners[dinerBase + i]);
                    insert.setDate(3, Date.valueOf(date));
                    insert.setTimestamp(4, Timestamp.from(eleven.plusSeconds(7L * i)));
                    insert.setObject(5, values.get("verification_note"));
                    insert.setObject(6, values.get("price_fen"));
                    insert.setObject(7, values.get("subsidy_fen"));
                    insert.setObject(8, values.get("diner_pays_fen"));
                    insert.setObject(9, values.get("policy_id"));
                    insert.setObject(10, values.get("diner_category"));
                    insert.setString(11, String.valueOf(values.get("quote")));
                    insert.setString(12, clientRecordId);
                    insert.setString(13, Sha256.hex(clientRecordId));
                    insert.setString(14, actor);
                    insert.setTimestamp(15, now);
                    insert.setLong(16, floorSite);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (int i = 0; i < batchSize; i++) {
                        if (!keys.next()) {
                            throw new IllegalStateException("only " + i + " generated keys for a batch of " + batchSize);
                        }
                        ids[i] = keys.getLong(1);
                    }
                }
            }
            if (full) {
                try (PreparedStatement items = connection.prepareStatement(INSERT_ITEM);
                     PreparedStatement shares = connection.prepareStatement(INSERT_SHARE)) {
                    for (long id : ids) {
                        for (Map<String, Object> item : template.items()) {
                            items.setLong(1, id);
                            items.setObject(2, item.get("position"));
                            items.setObject(3, item.get("dish_id"));
                            items.setObject(4, item.get("set_meal_name"));
                            items.setObject(5, item.get("name"));
                            items.setObject(6, item.get("unit_price_fen"));
                            items.setObject(7, item.get("quantity"));
                            items.addBatch();
                        }
                        for (Map<String, Object> share : template.shares()) {
                            shares.setLong(1, id);
                            shares.setObject(2, share.get("source"));
                            shares.setObject(3, share.get("amount_fen"));
                            shares.addBatch();
                        }
                    }
                    items.executeBatch();
                    shares.executeBatch();
                }
            }
            connection.commit();
        }
        return System.nanoTime() - before;
    }

    /**
     * One record with its items and shares in a transaction of its own, served at the instant: what a
     * counter's logMeal writes, by raw JDBC with nothing checked (the floor of one record a request).
     */
    void single(Template template, long floorSite, long diner, Instant servedAt, String clientRecordId) throws Exception {
        Map<String, Object> values = template.values();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD, Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, floorSite);
                insert.setLong(2, diner);
                insert.setDate(3, Date.valueOf(BusinessTime.dateOf(servedAt)));
                insert.setTimestamp(4, Timestamp.from(servedAt));
                insert.setObject(5, values.get("verification_note"));
                insert.setObject(6, values.get("price_fen"));
                insert.setObject(7, values.get("subsidy_fen"));
                insert.setObject(8, values.get("diner_pays_fen"));
                insert.setObject(9, values.get("policy_id"));
                insert.setObject(10, values.get("diner_category"));
                insert.setString(11, String.valueOf(values.get("quote")));
                insert.setString(12, clientRecordId);
                insert.setString(13, Sha256.hex(clientRecordId));
                insert.setString(14, actor);
                insert.setTimestamp(15, Timestamp.from(Instant.now()));
                insert.setLong(16, floorSite);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement items = connection.prepareStatement(INSERT_ITEM);
                 PreparedStatement shares = connection.prepareStatement(INSERT_SHARE)) {
                for (Map<String, Object> item : template.items()) {
                    items.setLong(1, id);
                    items.setObject(2, item.get("position"));
                    items.setObject(3, item.get("dish_id"));
                    items.setObject(4, item.get("set_meal_name"));
                    items.setObject(5, item.get("name"));
                    items.setObject(6, item.get("unit_price_fen"));
                    items.setObject(7, item.get("quantity"));
                    items.addBatch();
                }
                for (Map<String, Object> share : template.shares()) {
                    shares.setLong(1, id);
                    shares.setObject(2, share.get("source"));
                    shares.setObject(3, share.get("amount_fen"));
                    shares.addBatch();
                }
                items.executeBatch();
                shares.executeBatch();
            }
            connection.commit();
        }
    }

    /** The driver property as the pool hands it to every connection. */
    Object rewriteBatchedStatements() throws java.sql.SQLException {
        return dataSource.unwrap(HikariDataSource.class).getDataSourceProperties().get("rewriteBatchedStatements");
    }

    record Template(Map<String, Object> values, List<Map<String, Object>> items, List<Map<String, Object>> shares) {
    }
}
