package org.zhucan.booking;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.MealSlot;

/**
 * The booking benchmark's floor: what a dine-in {@code bookMeal} writes, by raw JDBC in a READ COMMITTED transaction with
 * nothing else checked: the slot's seat counter taken (its two statements: the row ensured, a seat taken while any is
 * left), and, when a seat was taken, the booking row and its items, copied from a booking the service made. Until
 * 2026-12-06 the floor took the seat alone and wrote neither the booking nor its items.
 */
final class BookingJdbcFloor {

    private static final String ENSURE_COUNTER = "INSERT INTO slot_capacity (site_id, service_date, slot, seats_taken) VALUES (?, ?, ?, 0)"
            + " ON DUPLICATE KEY UPDATE seats_taken = seats_taken";
    private static final String TAKE_SEAT = "UPDATE slot_capacity SET seats_taken = seats_taken + 1"
            + " WHERE site_id = ? AND service_date = ? AND slot = ?"
            + " AND seats_taken < (SELECT ss.seats FROM site_slot ss WHERE ss.site_id = ? AND ss.slot = ?)";
    private static final String INSERT_BOOKING = "INSERT INTO booking (diner_id, site_id, menu_id, service_date, slot, fulfilment,"
            + " delivery_fee_fen, price_fen, subsidy_fen, diner_pays_fen, policy_id, quote, status, pickup_code, booked_by, channel, version,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, 0, ?, ?)";
    private static final String INSERT_ITEM = "INSERT INTO booking_item (booking_id, position, dish_id, set_meal_name, name, unit_price_fen,"
            + " quantity, quota_counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Map<String, Object> booking;
    private final List<Map<String, Object>> items;

    /** A floor writing bookings like the service's booking {@code templateId} (its menu, price, quote and items). */
    BookingJdbcFloor(JdbcTemplate jdbc, DataSource dataSource, long templateId) {
        this.dataSource = dataSource;
        this.booking = jdbc.queryForMap("SELECT menu_id, fulfilment, delivery_fee_fen, price_fen, subsidy_fen, diner_pays_fen, policy_id, quote,"
                + " booked_by, channel FROM booking WHERE id = ?", templateId);
        this.items = jdbc.queryForList("SELECT position, dish_id, set_meal_name, name, unit_price_fen, quantity, quota_counted FROM booking_item"
                + " WHERE booking_id = ? ORDER BY position", templateId);
        if (items.isEmpty()) {
            throw new IllegalStateException("the template booking " + templateId + " has no items");
        }
    }

    /** One booking of the diner at the site's lunch; false when no seat was left (nothing written). */
    boolean book(long site, LocalDate date, long diner, String pickupCode) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            if (!takeSeat(connection, site, date)) {
                connection.rollback();
                return false;
            }
            long id = insertBooking(connection, site, date, diner, pickupCode);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ITEM)) {
                for (Map<String, Object> item : items) {
                    insert.setLong(1, id);
                    insert.setObject(2, item.get("position"));
                    insert.setObject(3, item.get("dish_id"));
                    insert.setObject(4, item.get("set_meal_name"));
                    insert.setObject(5, item.get("name"));
                    insert.setObject(6, item.get("unit_price_fen"));
                    insert.setObject(7, item.get("quantity"));
                    insert.setObject(8, item.get("quota_counted"));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return true;
        }
    }

    private static boolean takeSeat(Connection connection, long site, LocalDate date) throws Exception {
        try (PreparedStatement ensure = connection.prepareStatement(ENSURE_COUNTER);
             PreparedStatement take = connection.prepareStatement(TAKE_SEAT)) {
            ensure.setLong(1, site);
            ensure.setDate(2, Date.valueOf(date));
            ensure.setString(3, MealSlot.LUNCH.name());
            ensure.executeUpdate();
            take.setLong(1, site);
            take.setDate(2, Date.valueOf(date));
            take.setString(3, MealSlot.LUNCH.name());
            take.setLong(4, site);
            take.setString(5, MealSlot.LUNCH.name());
            return take.executeUpdate() == 1;
        }
    }

    private long insertBooking(Connection connection, long site, LocalDate date, long diner, String pickupCode) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BOOKING, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, diner);
            insert.setLong(2, site);
            insert.setObject(3, booking.get("menu_id"));
            insert.setDate(4, Date.valueOf(date));
            insert.setString(5, MealSlot.LUNCH.name());
            insert.setObject(6, booking.get("fulfilment"));
            insert.setObject(7, booking.get("delivery_fee_fen"));
            insert.setObject(8, booking.get("price_fen"));
            insert.setObject(9, booking.get("subsidy_fen"));
            insert.setObject(10, booking.get("diner_pays_fen"));
            insert.setObject(11, booking.get("policy_id"));
            insert.setString(12, String.valueOf(booking.get("quote")));
            insert.setString(13, pickupCode);
            insert.setObject(14, booking.get("booked_by"));
            insert.setObject(15, booking.get("channel"));
            insert.setTimestamp(16, now);
            insert.setTimestamp(17, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no generated key for a booking");
                }
                return keys.getLong(1);
            }
        }
    }
}
