package org.zhucan.serving;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DriverQuestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;

/**
 * What a warm logMeal and bookMeal send to the database, SET, COMMIT and SAVEPOINT included, counted
 * by the driver: a counter's write must not cost a round trip per rule. Warm means a first call of
 * the same kind ran before (caches filled, statements prepared), as at a counter in service.
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions")
class CounterWriteStatementsTests extends ApiTest {

    /**
     * Statements a warm request may send, transaction control (SET, COMMIT, SAVEPOINT) not counted: the
     * reference data (sites, slots, fulfilments, policies, menus) comes from the in-process cache and the diner's facts
     * are one read. bookMeal: diner, the diner's meals, booking, items, seat, key (the site's fulfilment modes read
     * from memory since 2026-12-04).
     * logMeal: diner, the diner's row taken with its standing meals (one statement since 2026-12-06: the month usage row
     * taken and the standing meals read before), the day's and month's claim (one statement since V37), record (with its
     * idempotency key), items, shares, the diner's share paid (one multi-row INSERT into payment, issue 22: the payment's own
     * ledger, which the cash close and the provider reconciliation read without reaching into meal records); the site's
     * status history is reference data as well. The roll-up's day mark is written about once a minute a site (MealRollups:
     * the warm call trusts the first call's).
     */
    static final int LOG_MEAL_AT_MOST = 7;
    static final int BOOK_MEAL_AT_MOST = 6;
    /**
     * logMeal serving a booking by its pickup code: the walk-in's 7, the diner's facts read with the booking (one
     * statement with its items, its open advance and its diner's facts on its date since 2026-12-06; three, then two
     * before), and marking it served at the version it was read at; a paid booking's advance is linked to the record in
     * place of the walk-in's payment (issue 20 asks 8).
     */
    static final int SERVE_BOOKING_AT_MOST = 8;
    /**
     * Everything the driver sends, transaction control included: the statements and the COMMIT. No SET: a READ
     * COMMITTED write takes a connection already in that state from the writing pool (TransactionPools; four SETs a
     * request before, 15 / 11 / 17 in all); and no savepoint for a counter meal written in a transaction of its own
     * (CounterMealBatches: a refused batch rolls its transaction back instead; two round trips before). A meal's writes
     * that need nothing back (the claims, items, shares, the booking marked, a plain charge) go in one text, after the
     * record, since 2026-12-06 (common.sql.RoundTrips): logMeal 8 questions before, a served booking 9, one paid in advance 9.
     */
    static final int LOG_MEAL_QUESTIONS_AT_MOST = 5;
    static final int BOOK_MEAL_QUESTIONS_AT_MOST = 7;
    static final int SERVE_BOOKING_QUESTIONS_AT_MOST = 5;
    /** A paid booking's advance is linked to its record by a statement of its own, after the trip that marks the booking. */
    static final int SERVE_PAID_BOOKING_QUESTIONS_AT_MOST = 6;

    /** Transaction control the driver sends for a transaction: not a statement of the request's own. */
    private static final Pattern CONTROL = Pattern.compile("^(SET |COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT).*");
    /** Reads of reference data and of the diner's facts (sites, slots, regions, policies, menus, the diner's rows). */
    private static final Pattern REFERENCE = Pattern.compile(
            "^SELECT .* FROM (site|site_slot|site_fulfilment|site_status_change|site_slot_change|region|subsidy_policy|subsidy_tier"
                    + "|subsidy_tier_category|subsidy_tier_share|menu|menu_item|set_meal|dish|diner|diner_category|ability_assessment"
                    + "|diner_status_change|\\( SELECT diner_id, to_status)\\b.*");

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    BookingFixtures.Lunch lunch;

    @BeforeEach
    void fixtures() {
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "红烧鱼", "12.00", BookingFixtures.today(), null);
    }

    @Test
    void shouldLogAWarmWalkInWithFewStatements() {
        clock.stopAt(CounterRequests.at(lunch.date(), 12, 0));
        logWalkIn(fixtures.diner());
        String diner = fixtures.diner();
        assertFew("logMeal", DriverQuestions.statementsDuring(() -> logWalkIn(diner)), LOG_MEAL_AT_MOST, LOG_MEAL_QUESTIONS_AT_MOST);
    }

    @Test
    void shouldBookAWarmDineInMealWithFewStatements() {
        clock.stopAt(CounterRequests.at(lunch.date(), 8, 0));
        book(fixtures.diner());
        String diner = fixtures.diner();
        assertFew("bookMeal", DriverQuestions.statementsDuring(() -> book(diner)), BOOK_MEAL_AT_MOST, BOOK_MEAL_QUESTIONS_AT_MOST);
    }

    @Test
    void shouldServeAWarmBookingWithFewStatements() {
        clock.stopAt(CounterRequests.at(lunch.date(), 8, 0));
        String first = book(fixtures.diner());
        String second = book(fixtures.diner());
        clock.stopAt(CounterRequests.at(lunch.date(), 12, 0));
        serve(first);
        assertFew("logMeal serving a booking", DriverQuestions.statementsDuring(() -> serve(second)), SERVE_BOOKING_AT_MOST,
                SERVE_BOOKING_QUESTIONS_AT_MOST);
    }

    @Test
    void shouldServeAWarmPaidBookingWithFewStatements() {
        clock.stopAt(CounterRequests.at(lunch.date(), 8, 0));
        String first = book(fixtures.diner());
        String diner = fixtures.diner();
        Map<String, Object> second = as("operator").documentName("counterBookMeal")
                .variable("input", bookInput(key(), diner, lunch.site(), lunch.date(), "DINE_IN", List.of(setMeal("套餐A")))).execute()
                .path("bookMeal.booking").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        fixtures.payInCash((String) second.get("id"));
        clock.stopAt(CounterRequests.at(lunch.date(), 12, 0));
        serve(first);
        assertFew("logMeal serving a booking paid in advance", DriverQuestions.statementsDuring(() -> serve((String) second.get("pickupCode"))),
                SERVE_BOOKING_AT_MOST, SERVE_PAID_BOOKING_QUESTIONS_AT_MOST);
        // the advance paid the meal: linked to its record, no second charge
        assertThat(jdbc.queryForList("SELECT meal_record_id FROM payment WHERE kind = 'CHARGE' AND diner_id = ?", Long.class, Long.valueOf(diner)))
                .singleElement().isNotNull();
    }

    private static void assertFew(String mutation, List<List<String>> trips, int statementsAtMost, int questionsAtMost) {
        // a text of several writes (common.sql.RoundTrips) is one question, and each of its writes a statement
        List<String> sent = trips.stream().map(trip -> String.join(" ;; ", trip)).toList();
        List<String> statements = trips.stream().flatMap(List::stream).filter(sql -> !CONTROL.matcher(sql).matches()).toList();
        long reference = statements.stream().filter(sql -> REFERENCE.matcher(sql).matches()).count();
        String listed = sent.stream().map(sql -> (CONTROL.matcher(sql).matches() ? "  control   " : REFERENCE.matcher(sql).matches()
                ? "  reference " : "  write     ") + (sql.length() <= 160 ? sql : sql.substring(0, 160) + "...")).collect(Collectors.joining("\n"));
        String report = "%s sent %d statements (%d reference or diner reads, %d of the write side) and %d questions in all:%n%s".formatted(
                mutation, statements.size(), reference, statements.size() - reference, sent.size(), listed);
        assertThat(statements).as(report).hasSizeLessThanOrEqualTo(statementsAtMost);
        assertThat(sent).as(report).hasSizeLessThanOrEqualTo(questionsAtMost);
    }

    private void logWalkIn(String diner) {
        Map<String, Object> input = CounterRequests.walkIn(lunch, key(), diner, Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"));
        as("operator").documentName("counterLogMeal").variable("input", input).execute()
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.id").hasValue();
    }

    /** Books a set meal for the diner and answers its pickup code. */
    private String book(String diner) {
        return as("operator").documentName("counterBookMeal")
                .variable("input", bookInput(key(), diner, lunch.site(), lunch.date(), "DINE_IN", List.of(setMeal("套餐A")))).execute()
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.pickupCode").entity(String.class).get();
    }

    private void serve(String pickupCode) {
        Map<String, Object> input = Map.of("idempotencyKey", key(), "siteId", lunch.site(), "slot", "LUNCH", "pickupCode", pickupCode,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"));
        as("operator").documentName("counterLogMeal").variable("input", input).execute()
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.id").hasValue();
    }
}
