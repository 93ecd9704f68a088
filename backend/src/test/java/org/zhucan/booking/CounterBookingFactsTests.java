package org.zhucan.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.network.MealSlot;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;

/**
 * The counter reads a booking with its diner's facts on its date in one statement: the facts must be those the diner module
 * reads alone (categories held and not yet held on the date, the latest assessment, the status then), by pickup code and by
 * QR; and a caller whose scope does not reach every diner gets none from the booking, so that its own read keeps its scope.
 * The read is prepared on the server once a connection.
 */
class CounterBookingFactsTests extends ApiTest {

    @Autowired
    CounterBookings counterBookings;

    @Autowired
    BookingQr qr;

    @Autowired
    DinerService diners;

    @Autowired
    BookingMapper mapper;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldReadTheDinersFactsWithTheBookingAsTheDinerModuleReadsThem() {
        logInDemoAccounts();
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        BookingFixtures.Lunch lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "红烧鱼", "12.00", BookingFixtures.today(), null);
        long diner = Long.parseLong(new DinerFixtures(as("admin"), jdbc).registerActiveSince2020("核销事实老人", fixtures.community(),
                DinerFixtures.randomBirthDate(1930, 20), List.of("MIN_LIVING"), null));
        // held on the booking's date, one that starts the day after it, and assessments before and after it
        jdbc.update("""
                INSERT INTO diner_category (diner_id, category, evidence_ref, valid_from, valid_to, source, recorded_by, recorded_at)
                VALUES (?, 'DISABLED', '证明', ?, NULL, 'REGISTRY', 'test', UTC_TIMESTAMP(6)),
                       (?, 'LIVING_ALONE', '证明', ?, NULL, 'REGISTRY', 'test', UTC_TIMESTAMP(6))""",
                diner, lunch.date().minusDays(3), diner, lunch.date().plusDays(1));
        jdbc.update("""
                INSERT INTO ability_assessment (diner_id, level, assessed_on, assessor, recorded_by, recorded_at)
                VALUES (?, 2, ?, '评估员', 'test', UTC_TIMESTAMP(6)), (?, 4, ?, '评估员', 'test', UTC_TIMESTAMP(6))""",
                diner, lunch.date().minusDays(10), diner, lunch.date().plusDays(2));
        // before the canteen's 09:30 cut-off, whatever the hour the test runs
        clock.stopAt(lunch.date().atTime(8, 0).atZone(BusinessTime.ZONE).toInstant());
        String pickupCode = as("operator").documentName("counterBookMeal")
                .variable("input", bookInput(key(), String.valueOf(diner), lunch.site(), lunch.date(), "DINE_IN", List.of(setMeal("套餐A"))))
                .execute().path("bookMeal.userErrors").entityList(Map.class).hasSize(0)
                .path("bookMeal.booking.pickupCode").entity(String.class).get();
        long site = Long.parseLong(lunch.site());

        actAs("OPERATOR", jdbc.queryForObject("SELECT operator_id FROM site WHERE id = ?", String.class, site));
        QuoteFacts alone = diners.quoteFacts(diner, lunch.date());
        assertThat(alone.categories()).hasSize(2);
        assertThat(alone.latestAssessment().level()).isEqualTo(2);
        CounterBooking byCode = counterBookings.bookingOfPickupCode(site, lunch.date(), MealSlot.LUNCH, pickupCode);
        assertThat(byCode.dinerFacts()).isEqualTo(alone);
        CounterBooking byQr = counterBookings.bookingOfQr(qr.payload(byCode.id(), byCode.pickupCode()));
        assertThat(byQr.dinerFacts()).isEqualTo(alone);

        // a diner's own account reads its facts within its scope, not from the booking
        actAs("DINER", null);
        assertThat(counterBookings.bookingOfPickupCode(site, lunch.date(), MealSlot.LUNCH, pickupCode).dinerFacts()).isNull();
        // nor does a read without a caller (a job)
        SecurityContextHolder.clearContext();
        assertThat(counterBookings.bookingOfPickupCode(site, lunch.date(), MealSlot.LUNCH, pickupCode).dinerFacts()).isNull();
    }

    /** The read is about 3 KB of constant text on every served booking: prepared on the server once a connection, then only executed. */
    @Test
    void shouldPrepareTheCountersBookingReadOnceAConnection() {
        long site = jdbc.queryForObject("SELECT MIN(id) FROM site", Long.class);
        LocalDate date = LocalDate.of(2026, 3, 2);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            mapper.findForCounterByPickupCode(site, date, MealSlot.LUNCH, "000000");
            Map<String, Long> before = statementCounters();
            for (int i = 1; i <= 3; i++) {
                // another code each time: MyBatis answers a repeated statement of one transaction from its own cache
                mapper.findForCounterByPickupCode(site, date, MealSlot.LUNCH, "00000" + i);
            }
            Map<String, Long> after = statementCounters();
            assertThat(after.get("Com_stmt_execute") - before.get("Com_stmt_execute")).as("executions of the prepared read").isEqualTo(3);
            assertThat(after.get("Com_stmt_prepare") - before.get("Com_stmt_prepare")).as("prepared again").isZero();
        });
    }

    private Map<String, Long> statementCounters() {
        Map<String, Long> counters = new HashMap<>();
        jdbc.query("SHOW SESSION STATUS WHERE Variable_name IN ('Com_stmt_execute', 'Com_stmt_prepare')",
                (RowCallbackHandler) row -> counters.put(row.getString(1), row.getLong(2)));
        return counters;
    }

    private static void actAs(String role, String operatorId) {
        Jwt.Builder token = Jwt.withTokenValue("test").header("alg", "none").subject("counter-test").claim("roles", List.of(role));
        if (operatorId != null) {
            token.claim("operatorId", operatorId);
        }
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token.build()));
    }
}
