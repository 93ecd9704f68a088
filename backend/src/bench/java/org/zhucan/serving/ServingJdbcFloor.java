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
 * The serving benchmark's floor: the rows an upload or a counter meal writes (a record, its item, its shares and the
 * diner's payment), copied from a record the upload accepted and inserted by raw JDBC, with nothing checked; for a
 * booking served, its record names the booking and the booking is marked served as well. (Until 2026-12-06 the
 * floor wrote no payment: it was set before a meal wrote one, issue 22, and wrote fewer rows than a meal since.)
 */
final class ServingJdbcFloor {

    private static final String INSERT_RECORD = "INSERT INTO meal_record (kind, site_id, diner_id, service_date, slot, served_at, booking_id,"
            + " verification, verification_note, price_fen, subsidy_fen, diner_pays_fen, policy_id, diner_category, quote, second_meal, origin,"
            + " client_record_id, client_hash, recorded_by, recorded_at, operator_id)"
            + " VALUES ('MEAL', ?, ?, ?, 'LUNCH', ?, ?, 'STAFF_PROXY', ?, ?, ?, ?, ?, ?, ?, FALSE, 'OFFLINE', ?, ?, ?, ?,"
            + " (SELECT operator_id FROM site WHERE id = ?))";
    private static final String INSERT_ITEM = "INSERT INTO meal_record_item (meal_record_id, position, dish_id, set_meal_name, name, unit_price_fen, quantity)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SHARE = "INSERT INTO meal_record_share (meal_record_id, source, amount_fen) VALUES (?, ?, ?)";
    private static final String INSERT_PAYMENT = "INSERT INTO payment (kind, method, amount_fen, site_id, diner_id, meal_record_id,"
            + " taken_by, taken_at, cash_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MARK_SERVED = "UPDATE booking SET status = 'SERVED', version = version + 1, updated_at = ? WHERE id = ?";

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
        List<Map<String, Object>> payments = jdbc.queryForList("SELECT kind, method, amount_fen FROM payment WHERE meal_record_id = ?", id);
        if (payments.size() != 1) {
            throw new IllegalStateException("the template record " + id + " has " + payments.size() + " payments, not one");
        }
        return new Template(row, items, shares, payments.get(0));
    }

    /** One batch of rows at the site in one transaction: meal_record (and, when full, its items, shares and payment) by batched INSERT; the batch's wall time. */
    long batch(Template template, long floorSite, long[] diners, LocalDate date, int dinerBase, String batch, boolean full) throws Exception {
        Instant eleven = date.atTime(LocalTime.of(11, 0)).atZone(BusinessTime.ZONE).toInstant();
        long before = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long[] ids = new long[batchSize];
            try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD, Statement.RETURN_GENERATED_KEYS)) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < batchSize; i++) {
                    bindRecord(insert, template, floorSite, diners[dinerBase + i], date, eleven.plusSeconds(7L * i), null,
                            "%s-%s-%04d".formatted(tag, batch, i), now);
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
                try (Children children = new Children(connection, template)) {
                    Timestamp now = Timestamp.from(Instant.now());
                    for (int i = 0; i < batchSize; i++) {
                        children.add(ids[i], floorSite, diners[dinerBase + i], now, date);
                    }
                    children.execute();
                }
            }
            connection.commit();
        }
        return System.nanoTime() - before;
    }

    /**
     * One record with its items, shares and payment in a READ COMMITTED transaction of its own, served at the instant:
     * what a counter's logMeal writes, by raw JDBC with nothing checked (the floor of one record a request). With a
     * booking, the record names it and the booking is marked served, as a served booking's logMeal writes.
     */
    void single(Template template, long floorSite, long diner, Instant servedAt, String clientRecordId, Long bookingId) throws Exception {
        LocalDate date = BusinessTime.dateOf(servedAt);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            Timestamp now = Timestamp.from(Instant.now());
            long id;
            try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD, Statement.RETURN_GENERATED_KEYS)) {
                bindRecord(insert, template, floorSite, diner, date, servedAt, bookingId, clientRecordId, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (Children children = new Children(connection, template)) {
                children.add(id, floorSite, diner, now, date);
                children.execute();
            }
            if (bookingId != null) {
                try (PreparedStatement served = connection.prepareStatement(MARK_SERVED)) {
                    served.setTimestamp(1, now);
                    served.setLong(2, bookingId);
                    if (served.executeUpdate() != 1) {
                        throw new IllegalStateException("booking " + bookingId + " not marked served");
                    }
                }
            }
            connection.commit();
        }
    }

    private void bindRecord(PreparedStatement insert, Template template, long floorSite, long diner, LocalDate date, Instant servedAt, Long bookingId,
                            String clientRecordId, Timestamp now) throws java.sql.SQLException {
        Map<String, Object> values = template.values();
        insert.setLong(1, floorSite);
        insert.setLong(2, diner);
        insert.setDate(3, Date.valueOf(date));
        insert.setTimestamp(4, Timestamp.from(servedAt));
        insert.setObject(5, bookingId);
        insert.setObject(6, values.get("verification_note"));
        insert.setObject(7, values.get("price_fen"));
        insert.setObject(8, values.get("subsidy_fen"));
        insert.setObject(9, values.get("diner_pays_fen"));
        insert.setObject(10, values.get("policy_id"));
        insert.setObject(11, values.get("diner_category"));
        insert.setString(12, String.valueOf(values.get("quote")));
        insert.setString(13, clientRecordId);
        insert.setString(14, Sha256.hex(clientRecordId));
        insert.setString(15, actor);
        insert.setTimestamp(16, now);
        insert.setLong(17, floorSite);
    }

    /** A record's items, shares and payment, as the template's, added to batches of their own and sent together. */
    private final class Children implements AutoCloseable {
        private final Template template;
        private final PreparedStatement items;
        private final PreparedStatement shares;
        private final PreparedStatement payments;

        Children(Connection connection, Template template) throws java.sql.SQLException {
            this.template = template;
            this.items = connection.prepareStatement(INSERT_ITEM);
            this.shares = connection.prepareStatement(INSERT_SHARE);
            this.payments = connection.prepareStatement(INSERT_PAYMENT);
        }

        void add(long recordId, long floorSite, long diner, Timestamp takenAt, LocalDate cashDate) throws java.sql.SQLException {
            for (Map<String, Object> item : template.items()) {
                items.setLong(1, recordId);
                items.setObject(2, item.get("position"));
                items.setObject(3, item.get("dish_id"));
                items.setObject(4, item.get("set_meal_name"));
                items.setObject(5, item.get("name"));
                items.setObject(6, item.get("unit_price_fen"));
                items.setObject(7, item.get("quantity"));
                items.addBatch();
            }
            for (Map<String, Object> share : template.shares()) {
                shares.setLong(1, recordId);
                shares.setObject(2, share.get("source"));
                shares.setObject(3, share.get("amount_fen"));
                shares.addBatch();
            }
            Map<String, Object> payment = template.payment();
            payments.setObject(1, payment.get("kind"));
            payments.setObject(2, payment.get("method"));
            payments.setObject(3, payment.get("amount_fen"));
            payments.setLong(4, floorSite);
            payments.setLong(5, diner);
            payments.setLong(6, recordId);
            // a served booking's charge at the counter names its record, not the booking, as the meal writer's does
            payments.setString(7, actor);
            payments.setTimestamp(8, takenAt);
            payments.setDate(9, Date.valueOf(cashDate));
            payments.addBatch();
        }

        void execute() throws java.sql.SQLException {
            items.executeBatch();
            shares.executeBatch();
            payments.executeBatch();
        }

        @Override
        public void close() throws java.sql.SQLException {
            try (items; shares; payments) {
                // closes all three, the first failure thrown with the others suppressed
            }
        }
    }

    /** The driver property as the pool hands it to every connection. */
    Object rewriteBatchedStatements() throws java.sql.SQLException {
        return dataSource.unwrap(HikariDataSource.class).getDataSourceProperties().get("rewriteBatchedStatements");
    }

    record Template(Map<String, Object> values, List<Map<String, Object>> items, List<Map<String, Object>> shares, Map<String, Object> payment) {
    }
}
