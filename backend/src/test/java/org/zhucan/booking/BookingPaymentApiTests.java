package org.zhucan.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;
import static org.zhucan.booking.BookingFixtures.today;
import static org.zhucan.testsupport.Responses.errorType;

/**
 * Bookings paid in advance over HTTP against the real database (issue 22, point 1): the amount is the booking's
 * share, a prepaid advance comes off the balance and goes back to it on any cancellation, an online one is refunded
 * with its reference, a cash one lands in the site's cash day as handed back by whoever took it; a served meal takes
 * the advance as its payment (or refunds it and charges the meal by the same method when the meal costs otherwise);
 * a no-show keeps it. The clock stands at 08:00 of today to book and pay (cutoff 09:30) and at 12:00 to serve.
 */
class BookingPaymentApiTests extends ApiTest {

    private static final String PAY = """
            mutation($input: PayBookingInput!) { payBooking(input: $input) {
              booking { id status advancePayments { id kind method amount externalReference takenBy cashDate mealRecordId bookingId } }
              payment { id kind method amount externalReference takenBy bookingId mealRecordId }
              userErrors { code field message } } }""";
    private static final String ADVANCE = """
            query($id: ID!) { booking(id: $id) { status advancePayments { id kind method amount externalReference takenBy cashDate mealRecordId } } }""";
    private static final String CANCEL = """
            mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } userErrors { code message } } }""";
    private static final String LOG = """
            mutation($input: LogMealInput!) { logMeal(input: $input) {
              record { id dinerPays booking { status } payments { id kind method amount } } userErrors { code message } } }""";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingService bookingService;

    BookingFixtures fixtures;
    BookingFixtures.Lunch lunch;
    String site;
    LocalDate day;

    @BeforeEach
    void fixtures() {
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        day = today();
        lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "红烧鱼", "12.00", day, null);
        site = lunch.site();
    }

    @Test
    void shouldTakeTheBookingsShareFromTheBalanceOnceAndGiveItBackWhenTheFamilyCancels() {
        String diner = fixtures.diner();
        String family = family(diner);
        topUp(diner, "30.00");
        at(8, 0);
        Map<String, String> booking = book(as(family), diner);
        String share = booking.get("dinerPays");
        assertThat(share).isNotEqualTo("0.00");

        // the payer states what it was shown: any other amount is refused, nothing taken
        pay(family, booking.get("id"), "0.01", "PREPAID", null).path("payBooking.userErrors[0].code").entity(String.class).isEqualTo("PRICE_MISMATCH");
        GraphQlTester.Response paid = pay(family, booking.get("id"), share, "PREPAID", null);
        paid.path("payBooking.userErrors").entityList(Object.class).hasSize(0)
                .path("payBooking.payment.kind").entity(String.class).isEqualTo("CHARGE")
                .path("payBooking.payment.method").entity(String.class).isEqualTo("PREPAID")
                .path("payBooking.payment.amount").entity(String.class).isEqualTo(share)
                .path("payBooking.payment.takenBy").entity(String.class).isEqualTo(family)
                .path("payBooking.payment.bookingId").entity(String.class).isEqualTo(booking.get("id"))
                .path("payBooking.booking.advancePayments[*].kind").entityList(String.class).containsExactly("CHARGE");
        balanceIs(diner, fen("30.00") - fen(share));
        // paid once, however it is asked again
        pay(family, booking.get("id"), share, "PREPAID", null).path("payBooking.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_PAID");
        balanceIs(diner, fen("30.00") - fen(share));

        as(family).document(CANCEL).variable("input", Map.of("idempotencyKey", key(), "bookingId", booking.get("id"))).execute()
                .path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        List<Map> payments = advance(family, booking.get("id"));
        assertThat(payments).extracting(p -> p.get("kind"), p -> p.get("method"), p -> p.get("amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CHARGE", "PREPAID", share), org.assertj.core.groups.Tuple.tuple("REFUND", "PREPAID", "-" + share));
        balanceIs(diner, fen("30.00"));
        // the mini-program's history shows the advance and its refund
        as(family).document("query($d: ID!) { prepaidEntries(dinerId: $d) { edges { node { kind amount bookingId } } } }").variable("d", diner)
                .execute()
                .path("prepaidEntries.edges[*].node.kind").entityList(String.class).containsExactly("REFUND", "MEAL", "TOP_UP")
                .path("prepaidEntries.edges[0].node.bookingId").entity(String.class).isEqualTo(booking.get("id"))
                .path("prepaidEntries.edges[1].node.bookingId").entity(String.class).isEqualTo(booking.get("id"))
                .path("prepaidEntries.edges[2].node.bookingId").valueIsNull()
                .path("prepaidEntries.edges[*].node.amount").entityList(String.class).containsExactly(share, "-" + share, "30.00");
        // both money changes audited
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'BOOKING_PAID' AND entity_id = ?", Integer.class,
                Long.valueOf(booking.get("id")))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'BOOKING_CANCELLED' AND entity_id = ?", String.class,
                Long.valueOf(booking.get("id")))).contains("refund").contains("PREPAID");
    }

    @Test
    void shouldRefuseWhatTheFamilyMayNotPayAndWhatTheBalanceCannotCover() {
        String diner = fixtures.diner();
        String family = family(diner);
        topUp(diner, "0.01");
        at(8, 0);
        Map<String, String> booking = book(as(family), diner);
        String share = booking.get("dinerPays");
        // cash and cards are taken by the site's staff; the hotline and finance take no money
        assertThat(errorType(pay(family, booking.get("id"), share, "CASH", null))).isEqualTo("FORBIDDEN");
        assertThat(errorType(pay("finance", booking.get("id"), share, "CASH", null))).isIn("FORBIDDEN", "NOT_FOUND");
        pay(family, booking.get("id"), share, "WECHAT", null).path("payBooking.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("payBooking.userErrors[0].field").entityList(String.class).containsExactly("input", "externalReference");
        pay(family, booking.get("id"), share, "PREPAID", null).path("payBooking.userErrors[0].code").entity(String.class)
                .isEqualTo("INSUFFICIENT_BALANCE");
        balanceIs(diner, 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE booking_id = ?", Integer.class, Long.valueOf(booking.get("id")))).isZero();
    }

    @Test
    void shouldRefundAnOnlineAdvanceWithItsReferenceAndACashOneAtTheSiteByWhoeverTookIt() {
        List<String> diners = List.of(fixtures.diner(), fixtures.diner());
        String family = family(diners.get(0));
        Canteens.linkFamily(as("admin"), family, diners.get(1));
        at(8, 0);
        Map<String, String> online = book(as(family), diners.get(0));
        Map<String, String> cash = book(as(family), diners.get(1));
        String reference = "wx-" + System.nanoTime();
        pay(family, online.get("id"), online.get("dinerPays"), "WECHAT", reference).path("payBooking.userErrors").entityList(Object.class).hasSize(0);
        pay("operator", cash.get("id"), cash.get("dinerPays"), "CASH", null).path("payBooking.userErrors").entityList(Object.class).hasSize(0);

        // staff cancel the online one: refunded by WeChat with the payment's reference
        as("operator").document(CANCEL).variable("input", Map.of("idempotencyKey", key(), "bookingId", online.get("id"), "reason", "食堂停水"))
                .execute().path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        List<Map> refunded = advance("operator", online.get("id"));
        assertThat(refunded).hasSize(2);
        assertThat(refunded.get(1)).containsEntry("kind", "REFUND").containsEntry("method", "WECHAT").containsEntry("externalReference", reference)
                .containsEntry("amount", "-" + online.get("dinerPays")).containsEntry("takenBy", "operator");

        // the family cancels the cash one: the staff member who took the cash hands it back today, in the site's cash day
        as(family).document(CANCEL).variable("input", Map.of("idempotencyKey", key(), "bookingId", cash.get("id"))).execute()
                .path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        List<Map> cashBack = advance("operator", cash.get("id"));
        assertThat(cashBack.get(1)).containsEntry("kind", "REFUND").containsEntry("method", "CASH").containsEntry("takenBy", "operator")
                .containsEntry("cashDate", day.toString()).containsEntry("amount", "-" + cash.get("dinerPays"));
        as("operator").document("query($s: ID!, $d: Date!) { cashDay(siteId: $s, date: $d) { byMethod { method amount count } } }")
                .variable("s", site).variable("d", day.toString()).execute()
                .path("cashDay.byMethod").entityList(Map.class)
                .contains(Map.of("method", "CASH", "amount", "0.00", "count", 2), Map.of("method", "WECHAT", "amount", "0.00", "count", 2));
    }

    @Test
    void shouldTakeTheAdvanceAsTheServedMealsPaymentAndGiveItBackWhenTheMealIsVoided() {
        String diner = fixtures.diner();
        String family = family(diner);
        topUp(diner, "30.00");
        at(8, 0);
        Map<String, String> booking = book(as(family), diner);
        String share = booking.get("dinerPays");
        String advanceId = pay(family, booking.get("id"), share, "PREPAID", null).path("payBooking.payment.id").entity(String.class).get();

        at(12, 0);
        // a payment given by the counter is not taken: the meal was paid in advance
        Map<String, Object> meal = byPickupCode(booking.get("pickupCode"));
        meal.put("payment", Map.of("method", "CASH"));
        GraphQlTester.Response served = as("operator").document(LOG).variable("input", meal).execute();
        served.path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.dinerPays").entity(String.class).isEqualTo(share)
                .path("logMeal.record.booking.status").entity(String.class).isEqualTo("SERVED")
                .path("logMeal.record.payments[*].id").entityList(String.class).containsExactly(advanceId);
        String record = served.path("logMeal.record.id").entity(String.class).get();
        balanceIs(diner, fen("30.00") - fen(share));
        assertThat(advance("operator", booking.get("id")).get(0)).containsEntry("mealRecordId", record);

        as("operator").documentName("voidMealRecord").variable("input", Map.of("idempotencyKey", key(), "recordId", record, "reason", "录入错误"))
                .execute().path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0);
        balanceIs(diner, fen("30.00"));
        assertThat(advance("operator", booking.get("id"))).extracting(p -> p.get("kind")).containsExactly("CHARGE", "REFUND");
        // the booking is BOOKED again; cancelling it now gives nothing back a second time
        as("operator").document(CANCEL).variable("input", Map.of("idempotencyKey", key(), "bookingId", booking.get("id"), "reason", "老人未到"))
                .execute().path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        balanceIs(diner, fen("30.00"));
        assertThat(advance("operator", booking.get("id"))).hasSize(2);
    }

    @Test
    void shouldChargeTheDifferenceByTheAdvancesMethodWhenTheServedMealCostsMore() {
        String diner = fixtures.diner();
        String family = family(diner);
        topUp(diner, "30.00");
        at(8, 0);
        Map<String, String> booking = book(as(family), diner);
        String share = booking.get("dinerPays");
        pay(family, booking.get("id"), share, "PREPAID", null).path("payBooking.userErrors").entityList(Object.class).hasSize(0);

        at(12, 0);
        // the diner takes the fish and rice (13.00) instead of the booked set meal (10.00)
        Map<String, Object> meal = byPickupCode(booking.get("pickupCode"));
        meal.put("items", List.of(dishItem(lunch.fish(), 1), dishItem(lunch.rice(), 1)));
        GraphQlTester.Response served = as("operator").document(LOG).variable("input", meal).execute();
        served.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        String mealShare = served.path("logMeal.record.dinerPays").entity(String.class).get();
        assertThat(fen(mealShare)).isGreaterThan(fen(share));
        // as a correction does: the advance given back, the meal charged by the same method, netting to the difference
        assertThat(advance("operator", booking.get("id"))).extracting(p -> p.get("kind"), p -> p.get("amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CHARGE", share), org.assertj.core.groups.Tuple.tuple("REFUND", "-" + share));
        served.path("logMeal.record.payments[*].method").entityList(String.class).containsExactly("PREPAID")
                .path("logMeal.record.payments[*].amount").entityList(String.class).containsExactly(mealShare);
        balanceIs(diner, fen("30.00") - fen(mealShare));
        assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM prepaid_entry WHERE diner_id = ?", Long.class, Long.valueOf(diner)))
                .isEqualTo(fen("30.00") - fen(mealShare));
    }

    @Test
    void shouldKeepTheAdvanceOfANoShow() {
        String diner = fixtures.diner();
        String family = family(diner);
        topUp(diner, "30.00");
        at(8, 0);
        Map<String, String> booking = book(as(family), diner);
        String share = booking.get("dinerPays");
        pay(family, booking.get("id"), share, "PREPAID", null).path("payBooking.userErrors").entityList(Object.class).hasSize(0);
        at(14, 0);
        assertThat(bookingService.markNoShows()).isPositive();
        as(family).document(ADVANCE).variable("id", booking.get("id")).execute()
                .path("booking.status").entity(String.class).isEqualTo("NO_SHOW")
                .path("booking.advancePayments[*].kind").entityList(String.class).containsExactly("CHARGE");
        balanceIs(diner, fen("30.00") - fen(share));
    }

    @Test
    void shouldRefundTheAdvanceWhenTheDinersSuspensionCancelsTheBooking() {
        String diner = fixtures.diner();
        String family = family(diner);
        topUp(diner, "30.00");
        at(8, 0);
        Map<String, String> booking = book(as(family), diner);
        pay(family, booking.get("id"), booking.get("dinerPays"), "PREPAID", null).path("payBooking.userErrors").entityList(Object.class).hasSize(0);

        // the departure path cancels as staff would, and gives the advance back as every cancellation does
        as("admin").document("""
                        mutation($input: ChangeDinerStatusInput!) { changeDinerStatus(input: $input) { userErrors { code message } } }""")
                .variable("input", Map.of("dinerId", diner, "status", "SUSPENDED", "effectiveOn", day.toString(), "reason", "住院"))
                .execute().path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
        assertThat(advance("admin", booking.get("id"))).extracting(p -> p.get("kind")).containsExactly("CHARGE", "REFUND");
        balanceIs(diner, fen("30.00"));
    }

    @Test
    void shouldShowTheDemoFamilyABookingPaidInAdvanceFromTheBalance() {
        // every page: a database the tests ran on before holds more of the family's bookings than one page
        List<Map> advances = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = as("family").document("""
                            query($after: String) { myBookings(first: 50, after: $after) {
                              edges { node { advancePayments { kind method takenBy } } } pageInfo { hasNextPage endCursor } } }""")
                    .variable("after", after).execute();
            advances.addAll(page.path("myBookings.edges[*].node.advancePayments[*]").entityList(Map.class).get());
            after = page.path("myBookings.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("myBookings.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(advances).contains(Map.of("kind", "CHARGE", "method", "PREPAID", "takenBy", "family"));
    }

    // ---------------------------------------------------------------- helpers

    private void at(int hour, int minute) {
        clock.stopAt(day.atTime(hour, minute).atZone(BusinessTime.ZONE).toInstant());
    }

    /** A DINER account linked to the diner, logged in after the link (and before the clock moves). */
    private String family(String diner) {
        String account = TestAccounts.create(jdbc, "DINER", null, null, "预付家属");
        Canteens.linkFamily(as("admin"), account, diner);
        as(account);
        return account;
    }

    private void topUp(String diner, String amount) {
        as("operator").document("""
                        mutation($input: TopUpPrepaidInput!) { topUpPrepaid(input: $input) { userErrors { code } } }""")
                .variable("input", Map.of("idempotencyKey", key(), "dinerId", diner, "siteId", site, "amount", amount, "method", "CASH")).execute()
                .path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
    }

    private Map<String, String> book(HttpGraphQlTester who, String diner) {
        GraphQlTester.Response response = who.documentName("bookMeal")
                .variable("input", bookInput(key(), diner, site, day, "DINE_IN", List.of(setMeal("套餐A")))).execute();
        response.path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        return Map.of("id", response.path("bookMeal.booking.id").entity(String.class).get(),
                "pickupCode", response.path("bookMeal.booking.pickupCode").entity(String.class).get(),
                "dinerPays", response.path("bookMeal.booking.quote.dinerPays").entity(String.class).get());
    }

    private GraphQlTester.Response pay(String who, String booking, String amount, String method, String reference) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key(), "bookingId", booking, "amount", amount, "method", method));
        if (reference != null) {
            input.put("externalReference", reference);
        }
        return as(who).document(PAY).variable("input", input).execute();
    }

    private List<Map> advance(String who, String booking) {
        return as(who).document(ADVANCE).variable("id", booking).execute().path("booking.advancePayments").entityList(Map.class).get();
    }

    private Map<String, Object> byPickupCode(String code) {
        return new HashMap<>(Map.of("idempotencyKey", key(), "siteId", site, "slot", "LUNCH", "pickupCode", code,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便")));
    }

    private void balanceIs(String diner, long fen) {
        assertThat(jdbc.queryForObject("SELECT COALESCE(MAX(balance_fen), 0) FROM prepaid_balance WHERE diner_id = ?", Long.class, Long.valueOf(diner)))
                .isEqualTo(fen);
    }

    private static long fen(String money) {
        return new java.math.BigDecimal(money).movePointRight(2).longValueExact();
    }
}
