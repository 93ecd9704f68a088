package org.zhucan.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;
import static org.zhucan.booking.BookingFixtures.today;

/**
 * Bookings paid in advance raced through two application instances against the real database: cancellations of one
 * paid booking refund it exactly once, and paying a booking while its meal is served charges the diner exactly once
 * (the advance taken by the meal, or the meal charged and the late advance refused), never both.
 */
class BookingPaymentRaceTests extends ApiTest {

    private static final int BOOKINGS = 6;
    private static final long TOP_UP_FEN = 3_000;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRefundEachPaidBookingOnceWhenTwoInstancesCancelItAtOnce() throws Exception {
        World world = world();
        try (ConfigurableApplicationContext second = secondInstance()) {
            List<HttpGraphQlTester> instances = instances(second, world.token());
            // four cancellations of each booking, two through each instance, all released at once
            List<String> outcomes = Race.run(BOOKINGS * 4, i -> {
                Map<String, Object> input = Map.of("idempotencyKey", key(), "bookingId", world.bookings().get(i / 4).get("id"), "reason", "食堂临时停业");
                List<Map> errors = instances.get(i % 2).document("""
                                mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } userErrors { code } } }""")
                        .variable("input", input).execute().path("cancelBooking.userErrors").entityList(Map.class).get();
                return (i / 4) + ":" + (errors.isEmpty() ? "cancelled" : errors.get(0).get("code"));
            });
            for (int b = 0; b < BOOKINGS; b++) {
                String prefix = b + ":";
                assertThat(outcomes.stream().filter(outcome -> outcome.startsWith(prefix)).map(outcome -> outcome.substring(prefix.length())))
                        .containsOnlyOnce("cancelled").isSubsetOf("cancelled", "NOT_CANCELLABLE", "CONCURRENT_CHANGE");
            }
        }
        for (int b = 0; b < BOOKINGS; b++) {
            long booking = Long.parseLong(world.bookings().get(b).get("id"));
            long diner = Long.parseLong(world.diners().get(b));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE booking_id = ? AND kind = 'REFUND'", Integer.class, booking)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prepaid_entry WHERE diner_id = ? AND kind = 'REFUND'", Integer.class, diner)).isEqualTo(1);
            assertBalance(diner, TOP_UP_FEN);
        }
    }

    @Test
    void shouldChargeOnceWhenTwoInstancesPayABookingAndServeItsMealAtOnce() throws Exception {
        World world = world(false);
        try (ConfigurableApplicationContext second = secondInstance()) {
            List<HttpGraphQlTester> instances = instances(second, world.token());
            Instant noon = today().atTime(12, 0).atZone(BusinessTime.ZONE).toInstant();
            clock.stopAt(noon);
            second.getBean(TestClock.class).stopAt(noon);
            // each booking paid through one instance while its meal is served, PREPAID, through the other
            List<String> outcomes = Race.run(BOOKINGS * 2, i -> {
                Map<String, String> booking = world.bookings().get(i / 2);
                HttpGraphQlTester instance = instances.get((i + i / 2) % 2);
                if (i % 2 == 0) {
                    List<Map> errors = instance.document("""
                                    mutation($input: PayBookingInput!) { payBooking(input: $input) { payment { id } userErrors { code } } }""")
                            .variable("input", Map.of("idempotencyKey", key(), "bookingId", booking.get("id"), "amount", booking.get("dinerPays"),
                                    "method", "PREPAID")).execute().path("payBooking.userErrors").entityList(Map.class).get();
                    return errors.isEmpty() ? "paid" : String.valueOf(errors.get(0).get("code"));
                }
                Map<String, Object> meal = new HashMap<>(Map.of("idempotencyKey", key(), "siteId", world.site(), "slot", "LUNCH",
                        "pickupCode", booking.get("pickupCode"), "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"),
                        "payment", Map.of("method", "PREPAID")));
                GraphQlTester.Response served = instance.document("""
                        mutation($input: LogMealInput!) { logMeal(input: $input) { record { id } userErrors { code } } }""")
                        .variable("input", meal).execute();
                List<Map> errors = served.path("logMeal.userErrors").entityList(Map.class).get();
                return errors.isEmpty() ? "served" : String.valueOf(errors.get(0).get("code"));
            });
            for (int b = 0; b < BOOKINGS; b++) {
                assertThat(outcomes.get(b * 2)).isIn("paid", "ILLEGAL_STATUS_TRANSITION");
                assertThat(outcomes.get(b * 2 + 1)).isEqualTo("served");
            }
        }
        for (int b = 0; b < BOOKINGS; b++) {
            long diner = Long.parseLong(world.diners().get(b));
            long share = fen(world.bookings().get(b).get("dinerPays"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE diner_id = ? AND kind = 'CHARGE'", Integer.class, diner)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE diner_id = ? AND kind = 'CHARGE' AND meal_record_id IS NOT NULL",
                    Integer.class, diner)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE diner_id = ? AND kind = 'REFUND'", Integer.class, diner)).isZero();
            assertBalance(diner, TOP_UP_FEN - share);
        }
    }

    // ---------------------------------------------------------------- world

    private record World(String site, List<String> diners, List<Map<String, String>> bookings, String token) {
    }

    private World world() {
        return world(true);
    }

    /** A canteen's lunch of today, diners with 30.00 each, booked at 08:00 (and, if asked, paid in advance from the balance). */
    private World world(boolean paid) {
        logInDemoAccounts();
        String token = login("operator", DEMO_PASSWORD);
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        LocalDate day = today();
        String site = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "红烧鱼", "12.00", day, null).site();
        List<String> diners = new ArrayList<>();
        List<Map<String, String>> bookings = new ArrayList<>();
        HttpGraphQlTester operator = as("operator");
        for (int b = 0; b < BOOKINGS; b++) {
            String diner = fixtures.diner();
            operator.document("mutation($input: TopUpPrepaidInput!) { topUpPrepaid(input: $input) { userErrors { code } } }")
                    .variable("input", Map.of("idempotencyKey", key(), "dinerId", diner, "siteId", site, "amount", "30.00", "method", "CASH"))
                    .execute().path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
            diners.add(diner);
        }
        clock.stopAt(day.atTime(8, 0).atZone(BusinessTime.ZONE).toInstant());
        for (String diner : diners) {
            GraphQlTester.Response booked = operator.documentName("bookMeal")
                    .variable("input", bookInput(key(), diner, site, day, "DINE_IN", List.of(setMeal("套餐A")))).execute();
            booked.path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
            Map<String, String> booking = Map.of("id", booked.path("bookMeal.booking.id").entity(String.class).get(),
                    "pickupCode", booked.path("bookMeal.booking.pickupCode").entity(String.class).get(),
                    "dinerPays", booked.path("bookMeal.booking.quote.dinerPays").entity(String.class).get());
            assertThat(booking.get("dinerPays")).isNotEqualTo("0.00");
            if (paid) {
                operator.document("mutation($input: PayBookingInput!) { payBooking(input: $input) { userErrors { code } } }")
                        .variable("input", Map.of("idempotencyKey", key(), "bookingId", booking.get("id"), "amount", booking.get("dinerPays"),
                                "method", "PREPAID")).execute().path("payBooking.userErrors").entityList(Object.class).hasSize(0);
            }
            bookings.add(booking);
        }
        return new World(site, diners, bookings, token);
    }

    private ConfigurableApplicationContext secondInstance() {
        ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false");
        second.getBean(TestClock.class).stopAt(clock.instant());
        return second;
    }

    /** The operator on this instance and on the second, with one token (logged in against real time before the clocks moved). */
    private List<HttpGraphQlTester> instances(ConfigurableApplicationContext second, String token) {
        int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        assertThat(secondPort).isNotEqualTo(port);
        return List.of(TestClients.graphQl("http://localhost:" + port).mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build(),
                TestClients.graphQl("http://localhost:" + secondPort).mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    private void assertBalance(long diner, long fen) {
        assertThat(jdbc.queryForObject("SELECT balance_fen FROM prepaid_balance WHERE diner_id = ?", Long.class, diner)).isEqualTo(fen);
        assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM prepaid_entry WHERE diner_id = ?", Long.class, diner)).isEqualTo(fen);
    }

    private static long fen(String money) {
        return new java.math.BigDecimal(money).movePointRight(2).longValueExact();
    }
}
