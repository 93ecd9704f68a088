package org.zhucan.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.money.Money;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;

/**
 * A fresh operating canteen of the demo operator (so the demo {@code operator} account is its
 * staff) with a lunch slot of chosen seats and cutoff, dine-in, pick-up and delivery, and published
 * lunch menus; and fresh ACTIVE diners. Each test gets its own site and diners, so tests never
 * compete for seats or for a diner's slot.
 */
public final class BookingFixtures {

    public static final String OPERATOR_CREDIT_CODE = "91410300MA9GCY0B2D";

    private final HttpGraphQlTester admin;
    private final HttpGraphQlTester operator;
    private final JdbcTemplate jdbc;
    private final NetworkFixtures network;
    private final DinerFixtures diners;

    public BookingFixtures(HttpGraphQlTester admin, HttpGraphQlTester operator, JdbcTemplate jdbc) {
        this.admin = admin;
        this.operator = operator;
        this.jdbc = jdbc;
        this.network = new NetworkFixtures(admin, jdbc);
        this.diners = new DinerFixtures(admin, jdbc);
    }

    public static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    public String community() {
        return jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
    }

    public String operatorId() {
        return jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = ?", String.class, OPERATOR_CREDIT_CODE);
    }

    /** An OPERATING canteen with LUNCH 11:00–13:00, the given seats and cutoff, DINE_IN, PICKUP and DELIVERY (fee 2.00). */
    public String canteen(int seats, LocalTime cutoff) {
        String site = network.createSite("订餐测试食堂" + System.nanoTime(), "CANTEEN", community(), operatorId(), null, null);
        jdbc.update("UPDATE site_slot SET seats = ?, booking_cutoff = ? WHERE site_id = ?", seats, java.sql.Time.valueOf(cutoff), Long.valueOf(site));
        jdbc.update("INSERT INTO site_fulfilment (site_id, mode, fee_fen) VALUES (?, 'PICKUP', 0)", Long.valueOf(site));
        network.open(site, today().toString(), today().toString());
        return site;
    }

    public String dish(String name, String price) {
        return Canteens.dish(operator, operatorId(), name, price);
    }

    /** Publishes a LUNCH menu: each dish at its price with the quota given (null: unlimited), and a set meal 套餐A of the first two at 10.00. */
    public String publishLunch(String site, LocalDate date, List<String> dishIds, List<Integer> quotas) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < dishIds.size(); i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("dishId", dishIds.get(i));
            if (quotas.get(i) != null) {
                item.put("dailyQuota", quotas.get(i));
            }
            items.add(item);
        }
        List<Map<String, Object>> setMeals = List.of(Map.of("name", "套餐A", "price", "10.00",
                "dishIds", dishIds.subList(0, Math.min(2, dishIds.size()))));
        String menuId = admin.documentName("saveMenu").variable("input", Map.of("siteId", site, "date", date.toString(), "slot", "LUNCH",
                        "items", items, "setMeals", setMeals)).execute()
                .path("saveMenu.userErrors").entityList(Object.class).hasSize(0)
                .path("saveMenu.menu.id").entity(String.class).get();
        Canteens.publishMenu(admin, menuId);
        return menuId;
    }

    /** A canteen's lunch of one day: its site, a fish dish and 米饭 1.00 on the published menu (with 套餐A of the two at 10.00). */
    public record Lunch(String site, String fish, String rice, LocalDate date) {
    }

    /** Publishes the lunch of the date at the site with a fish dish of the name and price given (fishQuota null: unlimited). */
    public Lunch lunch(String site, String fishName, String fishPrice, LocalDate date, Integer fishQuota) {
        String fish = dish(fishName, fishPrice);
        String rice = dish("米饭", "1.00");
        publishLunch(site, date, List.of(fish, rice), java.util.Arrays.asList(fishQuota, null));
        return new Lunch(site, fish, rice, date);
    }

    public String diner() {
        return diners.registerActiveSince2020("订餐老人", community(), DinerFixtures.randomBirthDate(1930, 30), List.of(), null);
    }

    /** Pays a booking's share in advance in cash at the counter, as the site's operator staff: its amount, as the booking quotes it. */
    public String payInCash(String bookingId) {
        String share = Money.ofFen(jdbc.queryForObject("SELECT diner_pays_fen FROM booking WHERE id = ?", Long.class,
                Long.valueOf(bookingId))).toString();
        operator.document("mutation($input: PayBookingInput!) { payBooking(input: $input) { userErrors { code message } } }")
                .variable("input", Map.of("idempotencyKey", key(), "bookingId", bookingId, "amount", share, "method", "CASH")).execute()
                .path("payBooking.userErrors").entityList(Object.class).hasSize(0);
        return share;
    }

    /** Links the demo family account to a diner, as the family account's own diners are. */
    public void linkFamily(String dinerId) {
        Canteens.linkFamily(admin, "family", dinerId);
    }

    public static Map<String, Object> bookInput(String key, String diner, String site, LocalDate date, String fulfilment,
                                         List<Map<String, Object>> items) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key, "dinerId", diner, "siteId", site, "date", date.toString(),
                "slot", "LUNCH", "fulfilment", fulfilment, "items", items));
        if (fulfilment.equals("DELIVERY")) {
            input.put("deliveryAddress", "西韩社区3号楼2单元501");
        }
        return input;
    }

    public static Map<String, Object> dishItem(String dishId, int quantity) {
        return Map.of("dishId", dishId, "quantity", quantity);
    }

    public static Map<String, Object> setMeal(String name) {
        return Map.of("setMealName", name);
    }

    public static String key() {
        return "k-" + java.util.UUID.randomUUID();
    }
}
