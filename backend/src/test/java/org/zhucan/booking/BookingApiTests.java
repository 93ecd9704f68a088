package org.zhucan.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;
import static org.zhucan.booking.BookingFixtures.today;

class BookingApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    String site;
    String fish;
    String rice;
    LocalDate tomorrow;

    @BeforeEach
    void fixtures() {
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        BookingFixtures.Lunch lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "清蒸鱼", "8.00", today().plusDays(1), 2);
        site = lunch.site();
        fish = lunch.fish();
        rice = lunch.rice();
        tomorrow = lunch.date();
    }

    @Test
    void shouldBookWithTheQuotedSplitAPickupCodeAndAQrPayload() {
        String diner = fixtures.diner();
        book("operator", bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(fish, 1), dishItem(rice, 2))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.status").entity(String.class).isEqualTo("BOOKED")
                .path("bookMeal.booking.quote.price").entity(String.class).isEqualTo("10.00")
                .path("bookMeal.booking.items[1].quantity").entity(Integer.class).isEqualTo(2)
                .path("bookMeal.booking.bookedBy").entity(String.class).isEqualTo("operator")
                .path("bookMeal.booking.pickupCode").entity(String.class).matches(code -> code.matches("\\d{6}"))
                .path("bookMeal.booking.qrPayload").entity(String.class).matches(qr -> qr.matches("ZC1\\.\\d+\\.\\d{6}\\.[0-9a-f]{16}"));
        // the split is quoteMeal's, for the same diner, site, date and price
        String quoted = as("operator").documentName("quoteMeal").variable("dinerId", diner).variable("siteId", site)
                .variable("date", tomorrow.toString()).variable("slot", "LUNCH").variable("price", "10.00").execute()
                .path("quoteMeal.subsidy").entity(String.class).get();
        as("admin").documentName("bookingById").variable("id", bookingOf(diner)).execute()
                .path("booking.quote.subsidy").entity(String.class).isEqualTo(quoted);
        assertThat(seatsTaken(site, tomorrow)).isEqualTo(1);
    }

    @Test
    void shouldChargeTheDeliveryFeeAndShowTheAddressOnlyToTheFamilyAndTheSiteStaff() {
        String diner = fixtures.diner();
        fixtures.linkFamily(diner);
        String id = book("family", bookInput(key(), diner, site, tomorrow, "DELIVERY", List.of(setMeal("套餐A"))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.deliveryFee").entity(String.class).isEqualTo("2.00")
                .path("bookMeal.booking.deliveryAddress").entity(String.class).isEqualTo("西韩社区3号楼2单元501")
                .path("bookMeal.booking.id").entity(String.class).get();
        String dinerPays = as("family").documentName("bookingById").variable("id", id).execute()
                .path("booking.quote.dinerPays").entity(String.class).get();
        as("family").documentName("bookingById").variable("id", id).execute()
                .path("booking.totalDinerPays").entity(String.class).isEqualTo(new java.math.BigDecimal(dinerPays).add(new java.math.BigDecimal("2.00")).toPlainString());
        as("admin").documentName("bookingById").variable("id", id).execute()
                .path("booking.deliveryAddress").entity(String.class).isEqualTo("西韩社区3号****");
        // the ciphertext, never the address, is in the table; a delivery takes no seat
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE delivery_address_encrypted LIKE '%西韩%'", Integer.class)).isZero();
        assertThat(seatsTaken(site, tomorrow)).isZero();
    }

    @Test
    void shouldRejectEachBrokenRuleWithItsOwnCode() {
        String diner = fixtures.diner();
        expectError(bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(fish, 1))), null, null);
        expectError(bookInput(key(), diner, site, tomorrow, "PICKUP", List.of(dishItem(rice, 1))), "ALREADY_BOOKED", null);

        String other = fixtures.diner();
        Map<String, Object> delivery = bookInput(key(), other, site, tomorrow, "DELIVERY", List.of(dishItem(rice, 1)));
        delivery.remove("deliveryAddress");
        expectError(delivery, "INVALID_INPUT", "deliveryAddress");
        expectError(bookInput(key(), other, site, tomorrow, "DINE_IN", List.of(Map.of("dishId", fixtures.dish("菜单外", "3.00")))), "NOT_ON_MENU", "items");
        expectError(bookInput(key(), other, site, tomorrow, "DINE_IN", List.of(setMeal("不存在的套餐"))), "NOT_ON_MENU", "items");
        expectError(bookInput(key(), other, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 6))), "INVALID_INPUT", "items");
        expectError(bookInput(key(), other, site, tomorrow.plusDays(1), "DINE_IN", List.of(dishItem(rice, 1))), "NO_PUBLISHED_MENU", null);
        Map<String, Object> dinner = bookInput(key(), other, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)));
        dinner.put("slot", "DINNER");
        expectError(dinner, "SLOT_NOT_SERVED", "slot");
        // through the API, which evicts the site's fulfilments from every instance's memory
        as("admin").documentName("updateSite").variable("input", Map.of("siteId", site, "fulfilments",
                        List.of(Map.of("mode", "DINE_IN"), Map.of("mode", "DELIVERY", "fee", "2.00")))).execute()
                .path("updateSite.userErrors").entityList(Object.class).hasSize(0);
        expectError(bookInput(key(), other, site, tomorrow, "PICKUP", List.of(dishItem(rice, 1))), "FULFILMENT_NOT_OFFERED", "fulfilment");
        Map<String, Object> badKey = bookInput("short", other, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)));
        expectError(badKey, "INVALID_INPUT", "idempotencyKey");

        jdbc.update("INSERT INTO diner_status_change (diner_id, from_status, to_status, effective_on, reason, changed_by, changed_at) "
                + "VALUES (?, 'ACTIVE', 'SUSPENDED', ?, '测试', 'test', UTC_TIMESTAMP(6))", Long.valueOf(other), java.sql.Date.valueOf(today()));
        expectError(bookInput(key(), other, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))), "DINER_NOT_ACTIVE", "dinerId");

        String third = fixtures.diner();
        new org.zhucan.network.NetworkFixtures(as("admin"), jdbc).changeStatus(site, "SUSPENDED", today().toString(), "停水");
        expectError(bookInput(key(), third, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))), "SITE_NOT_OPERATING", "siteId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE site_id = ?", Integer.class, Long.valueOf(site))).isEqualTo(1);
    }

    @Test
    void shouldNeverExceedADishQuotaAndGiveBackTheSeatOfABookingThatFailedOnIt() {
        book("operator", bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(fish, 2))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        expectError(bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(fish, 1))), "QUOTA_EXHAUSTED", "items");
        assertThat(seatsTaken(site, tomorrow)).isEqualTo(1);
        as("family").documentName("slotAvailability").variable("siteId", site).variable("date", tomorrow.toString()).variable("slot", "LUNCH")
                .execute()
                .path("slotAvailability.seatsLeft").entity(Integer.class).isEqualTo(29)
                .path("slotAvailability.open").entity(Boolean.class).isEqualTo(true)
                .path("slotAvailability.quotas[0].dish.id").entity(String.class).isEqualTo(fish)
                .path("slotAvailability.quotas[0].left").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldRejectSeatsBeyondTheSlotsSeatsAsFull() {
        String small = fixtures.canteen(1, LocalTime.of(9, 30));
        fixtures.publishLunch(small, tomorrow, List.of(rice), java.util.Collections.singletonList(null));
        book("operator", bookInput(key(), fixtures.diner(), small, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        expectError(bookInput(key(), fixtures.diner(), small, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))), "SLOT_FULL", "slot");
        // pick-up takes no seat
        book("operator", bookInput(key(), fixtures.diner(), small, tomorrow, "PICKUP", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldAcceptABookingOneNanosecondBeforeTheCutoffAndRejectItAtTheCutoff() {
        Instant cutoff = ZonedDateTime.of(tomorrow, LocalTime.of(9, 30), BusinessTime.ZONE).toInstant();
        clock.stopAt(cutoff);
        expectError(bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))), "BOOKING_CLOSED", "date");
        clock.stopAt(cutoff.minusNanos(1));
        expectError(bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))), null, null);
    }

    @Test
    void shouldOpenTheWindowSevenDaysAheadFromMidnightInShanghai() {
        LocalDate last = tomorrow;
        Instant windowOpens = ZonedDateTime.of(last.minusDays(7), LocalTime.MIDNIGHT, BusinessTime.ZONE).toInstant();
        clock.stopAt(windowOpens.minusNanos(1));
        expectError(bookInput(key(), fixtures.diner(), site, last, "DINE_IN", List.of(dishItem(rice, 1))), "OUTSIDE_BOOKING_WINDOW", "date");
        clock.stopAt(windowOpens);
        expectError(bookInput(key(), fixtures.diner(), site, last, "DINE_IN", List.of(dishItem(rice, 1))), null, null);
        clock.resume();
        expectError(bookInput(key(), fixtures.diner(), site, today().minusDays(1), "DINE_IN", List.of(dishItem(rice, 1))), "OUTSIDE_BOOKING_WINDOW", "date");
    }

    @Test
    void shouldReturnTheFirstResultForARepeatedKeyAndRefuseTheKeyForAnotherInput() {
        String diner = fixtures.diner();
        String key = key();
        Map<String, Object> input = bookInput(key, diner, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)));
        String first = book("operator", input).path("bookMeal.booking.id").entity(String.class).get();
        book("operator", input).path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.id").entity(String.class).isEqualTo(first);
        Map<String, Object> changed = bookInput(key, diner, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 2)));
        expectError(changed, "IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
        assertThat(seatsTaken(site, tomorrow)).isEqualTo(1);
        // a key is per account: another account's same key is its own
        fixtures.linkFamily(diner);
        book("family", input).path("bookMeal.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_BOOKED");
        // expired keys are gone after 24 hours; the key can then serve a new request
        jdbc.update("UPDATE idempotency_key SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE idem_key = ?", key);
        book("operator", changed).path("bookMeal.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_BOOKED");
    }

    /**
     * The key is written with the booking before the seat is taken: a booking the full slot then refuses leaves no key behind
     * (the same key books once a seat is free), and the key used again for another diner is refused with nothing kept.
     */
    @Test
    void shouldLeaveNoKeyWhenTheSeatRefusesAfterItAndRefuseTheKeyForAnotherDinerWithNothingKept() {
        String small = fixtures.canteen(1, LocalTime.of(9, 30));
        fixtures.publishLunch(small, tomorrow, List.of(rice), java.util.Collections.singletonList(null));
        String taker = book("operator", bookInput(key(), fixtures.diner(), small, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.booking.id").entity(String.class).get();
        String key = key();
        Map<String, Object> input = bookInput(key, fixtures.diner(), small, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)));
        expectError(input, "SLOT_FULL", "slot");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Integer.class, key)).isZero();

        cancel("operator", taker, "家属取消").path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        String booked = book("operator", input).path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.id").entity(String.class).get();
        assertThat(jdbc.queryForObject("SELECT result_id FROM idempotency_key WHERE idem_key = ?", Long.class, key)).isEqualTo(Long.valueOf(booked));

        String other = fixtures.diner();
        expectError(bookInput(key, other, small, tomorrow, "PICKUP", List.of(dishItem(rice, 1))), "IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE diner_id = ?", Integer.class, Long.valueOf(other))).isZero();
        assertThat(seatsTaken(small, tomorrow)).isEqualTo(1);
    }

    @Test
    void shouldCancelBeforeTheCutoffFreeingSeatAndQuotaAndLetOnlyStaffCancelAfterIt() {
        String diner = fixtures.diner();
        fixtures.linkFamily(diner);
        String id = book("family", bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(fish, 2))))
                .path("bookMeal.booking.id").entity(String.class).get();
        assertThat(seatsTaken(site, tomorrow)).isEqualTo(1);
        cancel("family", id, null).path("cancelBooking.booking.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelBooking.booking.cancelledBy").entity(String.class).isEqualTo("family");
        assertThat(seatsTaken(site, tomorrow)).isZero();
        cancel("family", id, null).path("cancelBooking.userErrors[0].code").entity(String.class).isEqualTo("NOT_CANCELLABLE");
        // the portions are back: someone else takes both, and the diner can book again
        book("operator", bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(fish, 2))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        String again = book("family", bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.id").entity(String.class).get();

        clock.stopAt(ZonedDateTime.of(tomorrow, LocalTime.of(9, 30), BusinessTime.ZONE).toInstant());
        cancel("family", again, null).path("cancelBooking.userErrors[0].code").entity(String.class).isEqualTo("CANCELLATION_CLOSED");
        cancel("operator", again, " ").path("cancelBooking.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        cancel("operator", again, "站点停水").path("cancelBooking.booking.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelBooking.booking.cancelReason").entity(String.class).isEqualTo("站点停水");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'BOOKING_CANCELLED' AND entity_id = ?", Integer.class, again))
                .isEqualTo(1);
        assertThat(seatsTaken(site, tomorrow)).isEqualTo(1);
    }

    @Test
    void shouldKeepFamiliesToTheirOwnDinersAndOtherRolesOutOfBooking() {
        String mine = fixtures.diner();
        fixtures.linkFamily(mine);
        String notMine = fixtures.diner();
        book("family", bookInput(key(), notMine, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)))).errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
        String othersBooking = book("operator", bookInput(key(), notMine, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.booking.id").entity(String.class).get();
        String myBooking = book("family", bookInput(key(), mine, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.booking.id").entity(String.class).get();
        as("family").documentName("bookingById").variable("id", othersBooking).execute().path("booking").valueIsNull();
        cancel("family", othersBooking, null).errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
        List<String> mineListed = as("family").documentName("myBookings").variable("first", 100)
                .variable("filter", Map.of("from", tomorrow.toString(), "to", tomorrow.toString())).execute()
                .path("myBookings.edges[*].node.id").entityList(String.class).get();
        assertThat(mineListed).contains(myBooking).doesNotContain(othersBooking);
        for (String role : List.of("finance", "inspector")) {
            book(role, bookInput(key(), mine, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)))).errors()
                    .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        }
        String foreignSite = jdbc.queryForObject("SELECT id FROM site WHERE name = '马寨助餐点'", String.class);
        book("operator", bookInput(key(), mine, foreignSite, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)))).errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        as("operator").documentName("myBookings").execute().errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        // an operator's staff now see the diners who booked at its sites
        as("operator").documentName("bookingDinerId").variable("id", mine).execute().path("diner.id").entity(String.class).isEqualTo(mine);
    }

    @Test
    void shouldGiveTheKitchenCountsByDishAndFulfilmentAndTheDeliveryList() {
        book("operator", bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(fish, 1), dishItem(rice, 2))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        book("operator", bookInput(key(), fixtures.diner(), site, tomorrow, "PICKUP", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        String delivery = book("operator", bookInput(key(), fixtures.diner(), site, tomorrow, "DELIVERY", List.of(setMeal("套餐A"))))
                .path("bookMeal.booking.id").entity(String.class).get();
        String cancelled = book("operator", bookInput(key(), fixtures.diner(), site, tomorrow, "DINE_IN", List.of(dishItem(rice, 5))))
                .path("bookMeal.booking.id").entity(String.class).get();
        cancel("operator", cancelled, "老人住院").path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);

        GraphQlTester.Response sheet = as("operator").documentName("slotBookings").variable("siteId", site).variable("date", tomorrow.toString())
                .variable("slot", "LUNCH").execute();
        sheet.path("bookings.bookedCount").entity(Integer.class).isEqualTo(3)
                .path("bookings.itemCounts[0].quantity").entity(Integer.class).isEqualTo(3)
                .path("bookings.itemCounts[0].dish.id").entity(String.class).isEqualTo(rice)
                .path("bookings.itemCounts[*].setMealName").entityList(String.class).contains("套餐A")
                .path("bookings.fulfilmentCounts[*].count").entityList(Integer.class).containsExactly(1, 1, 1)
                .path("bookings.deliveries[0].id").entity(String.class).isEqualTo(delivery)
                .path("bookings.deliveries[0].deliveryAddress").entity(String.class).isEqualTo("西韩社区3号楼2单元501");
        as("family").documentName("slotBookings").variable("siteId", site).variable("date", tomorrow.toString()).variable("slot", "LUNCH")
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void shouldMarkUnservedBookingsNoShowAfterTheSlotAndListRepeatedNoShows(@Autowired BookingService bookings) {
        String diner = fixtures.diner();
        LocalDate dayAfter = tomorrow.plusDays(1);
        fixtures.publishLunch(site, dayAfter, List.of(fish, rice), java.util.Arrays.asList(2, null));
        book("operator", bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        book("operator", bookInput(key(), diner, site, dayAfter, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        clock.stopAt(ZonedDateTime.of(dayAfter, LocalTime.of(12, 59, 59), BusinessTime.ZONE).toInstant());
        bookings.markNoShows();
        assertThat(statuses(diner)).containsExactly("NO_SHOW", "BOOKED");
        clock.stopAt(ZonedDateTime.of(dayAfter, LocalTime.of(13, 0), BusinessTime.ZONE).toInstant());
        bookings.markNoShows();
        assertThat(statuses(diner)).containsExactly("NO_SHOW", "NO_SHOW");
        clock.resume();
        as("operator").documentName("repeatedNoShows").variable("operatorId", fixtures.operatorId()).variable("since", tomorrow.toString())
                .variable("atLeast", 2).execute()
                .path("repeatedNoShows[?(@.diner.id == '" + diner + "')].noShows").entityList(Integer.class).containsExactly(2);
        as("family").documentName("repeatedNoShows").variable("operatorId", fixtures.operatorId()).variable("since", tomorrow.toString())
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void shouldListBookingsWithoutAStatementPerRow() {
        String diner = fixtures.diner();
        fixtures.linkFamily(diner);
        book("family", bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(fish, 1), dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        long one = statementsDuring(() -> readMyBookings(tomorrow, tomorrow));
        String second = fixtures.diner();
        fixtures.linkFamily(second);
        LocalDate dayAfter = tomorrow.plusDays(1);
        fixtures.publishLunch(site, dayAfter, List.of(fish, rice), java.util.Arrays.asList(null, null));
        for (String d : List.of(diner, second)) {
            book("family", bookInput(key(), d, site, dayAfter, "DELIVERY", List.of(dishItem(fish, 1), setMeal("套餐A"))))
                    .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        }
        book("family", bookInput(key(), second, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        long four = statementsDuring(() -> readMyBookings(tomorrow, dayAfter));
        assertThat(four).isEqualTo(one);
    }

    private void readMyBookings(LocalDate from, LocalDate to) {
        as("family").documentName("myBookings").variable("first", 100).variable("filter", Map.of("from", from.toString(), "to", to.toString()))
                .execute().path("myBookings.edges[0].node.items[0].dish.operator.name").entity(String.class).isNotEqualTo("");
    }

    private List<String> statuses(String diner) {
        return jdbc.queryForList("SELECT status FROM booking WHERE diner_id = ? ORDER BY service_date", String.class, Long.valueOf(diner));
    }

    private String bookingOf(String diner) {
        return jdbc.queryForObject("SELECT id FROM booking WHERE diner_id = ? AND live = 1", String.class, Long.valueOf(diner));
    }

    private int seatsTaken(String siteId, LocalDate date) {
        List<Integer> taken = jdbc.queryForList("SELECT seats_taken FROM slot_capacity WHERE site_id = ? AND service_date = ? AND slot = 'LUNCH'",
                Integer.class, Long.valueOf(siteId), java.sql.Date.valueOf(date));
        return taken.isEmpty() ? 0 : taken.get(0);
    }

    private GraphQlTester.Response book(String user, Map<String, Object> input) {
        return as(user).documentName("bookMeal").variable("input", input).execute();
    }

    private GraphQlTester.Response cancel(String user, String bookingId, String reason) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("idempotencyKey", key(), "bookingId", bookingId));
        if (reason != null) {
            input.put("reason", reason);
        }
        return as(user).documentName("cancelBooking").variable("input", input).execute();
    }

    /** Books as the operator; expects exactly this error code and field (or success when code is null). */
    private void expectError(Map<String, Object> input, String code, String field) {
        GraphQlTester.Response response = book("operator", input);
        if (code == null) {
            response.path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
            return;
        }
        response.path("bookMeal.booking").valueIsNull()
                .path("bookMeal.userErrors[0].code").entity(String.class).isEqualTo(code);
        if (field != null) {
            response.path("bookMeal.userErrors[0].field[1]").entity(String.class).isEqualTo(field);
        }
    }
}
