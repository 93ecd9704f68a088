package org.zhucan.serving;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DriverQuestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhucan.booking.BookingFixtures.key;

/**
 * Counter meals that arrive together are written together (CounterMealBatches): the writing is held while the meals
 * arrive, so that they form one batch when it is let go. Each meal keeps its own outcome, a diner's two meals are never in
 * one batch, a refused batch is written meal by meal, the meals of a batch that did not commit are written again, and a
 * meal does not wait longer than the patience behind a batch held up.
 * The same driver interceptor as CounterWriteStatementsTests (one application context for both).
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions")
class CounterMealBatchesTests extends ApiTest {

    /** Long enough for a request on a saturated machine; the waits end as soon as their condition holds. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Map<String, Object> PROXY = Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CounterMealBatches batches;

    @Autowired
    ServingService servingService;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    BookingFixtures fixtures;
    BookingFixtures.Lunch lunch;
    boolean holding;
    /** A thread a counter: the common pool may have one thread on two cores, and a meal waiting would hold it. */
    ExecutorService counters = Executors.newCachedThreadPool();

    Duration configuredPatience;

    @BeforeEach
    void fixtures() {
        // the meals arriving while a test holds the writing wait for it, however busy the machine
        configuredPatience = batches.patience();
        batches.patience(PATIENCE);
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "红烧鱼", "12.00", BookingFixtures.today(), null);
        clock.stopAt(CounterRequests.at(lunch.date(), 12, 0));
    }

    @AfterEach
    void letGo() {
        if (holding) {
            batches.releaseWriting();
        }
        batches.patience(configuredPatience);
        counters.shutdown();
    }

    @Test
    void shouldWriteMealsThatArriveTogetherWithOneStatementPerTable() {
        List<String> diners = List.of(fixtures.diner(), fixtures.diner(), fixtures.diner());
        Timer writing = meters.get("zhucan.serving.counter.writing").timer();
        long batchesBefore = writing.count();
        hold();
        List<CompletableFuture<GraphQlTester.Response>> meals = new java.util.ArrayList<>();
        List<List<String>> trips = DriverQuestions.statementsDuring(() -> {
            diners.forEach(diner -> meals.add(logMeal(key(), diner)));
            awaitWaiting(3);
            letGoOfWriting();
            meals.forEach(CompletableFuture::join);
        });

        for (int i = 0; i < 3; i++) {
            GraphQlTester.Response answer = meals.get(i).join();
            answer.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
            answer.path("logMeal.record.diner.id").entity(String.class).isEqualTo(diners.get(i));
            assertThat(answer.path("logMeal.record.subsidy").entity(String.class).get()).isNotEqualTo("0.00");
        }
        for (String diner : diners) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                    Long.valueOf(diner))).isEqualTo(1);
        }
        // one batch: the three diners' facts read once, by the batch (none by the meals' own requests), and each table
        // written once for the three meals; the claims, items, shares and payments in one round trip
        List<String> sent = trips.stream().flatMap(List::stream).toList();
        assertThat(trips.stream().filter(trip -> trip.size() > 1).toList()).as("%s", trips).singleElement().satisfies(trip ->
                assertThat(trip).hasSize(4).anyMatch(sql -> sql.startsWith("INSERT INTO diner_subsidy_usage"))
                        .anyMatch(sql -> sql.startsWith("INSERT INTO meal_record_item"))
                        .anyMatch(sql -> sql.startsWith("INSERT INTO meal_record_share")).anyMatch(sql -> sql.startsWith("INSERT INTO payment")));
        assertThat(sent.stream().filter(sql -> sql.contains("AS categories_on")).count()).as("%s", sent).isEqualTo(1);
        assertThat(count(sent, "INSERT INTO meal_record (")).as("%s", sent).isEqualTo(1);
        assertThat(count(sent, "INSERT INTO meal_record_share")).isEqualTo(1);
        assertThat(count(sent, "INSERT INTO payment")).isEqualTo(1);
        // the time the one batch held the writing is timed (the test's own hold is not)
        assertThat(writing.count() - batchesBefore).isEqualTo(1);
        assertThat(writing.max(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void shouldWriteADinersSecondMealInTheNextBatch() {
        String twice = fixtures.diner();
        String other = fixtures.diner();
        hold();
        CompletableFuture<GraphQlTester.Response> first = logMeal(key(), twice);
        awaitWaiting(1);
        CompletableFuture<GraphQlTester.Response> second = logMeal(key(), twice);
        awaitWaiting(2);
        CompletableFuture<GraphQlTester.Response> third = logMeal(key(), other);
        awaitWaiting(3);
        List<String> sent = DriverQuestions.during(() -> {
            letGoOfWriting();
            List.of(first, second, third).forEach(CompletableFuture::join);
        });

        List.of(first, second, third).forEach(meal -> meal.join().path("logMeal.userErrors").entityList(Object.class).hasSize(0));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT subsidy_fen, second_meal FROM meal_record WHERE diner_id = ? ORDER BY id",
                Long.valueOf(twice));
        assertThat(rows).hasSize(2);
        assertThat(((Number) rows.get(0).get("subsidy_fen")).longValue()).isPositive();
        assertThat(((Number) rows.get(1).get("subsidy_fen")).longValue()).as("the slot's second meal").isZero();
        assertThat(isTrue(rows.get(1).get("second_meal"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                Long.valueOf(other))).isEqualTo(1);
        // two batches: the diner's first meal with the other diner's, the second meal after them
        assertThat(count(sent, "INSERT INTO meal_record (")).as("%s", sent).isEqualTo(2);
    }

    @Test
    void shouldWriteARefusedBatchMealByMeal() {
        String earlier = fixtures.diner();
        String usedKey = key();
        logMeal(usedKey, earlier).join().path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        String reusing = fixtures.diner();
        String fine = fixtures.diner();
        hold();
        CompletableFuture<GraphQlTester.Response> reused = logMeal(usedKey, reusing);
        CompletableFuture<GraphQlTester.Response> written = logMeal(key(), fine);
        awaitWaiting(2);
        letGoOfWriting();

        // the batch met the key's record, so each meal went on its own: the reuse refused, the other written
        reused.join().path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        reused.join().path("logMeal.record").valueIsNull();
        written.join().path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(reusing))).isZero();
        // written once: nothing of the refused batch stayed (its transaction rolled back), then the meal alone
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(fine))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                Long.valueOf(fine))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE diner_id = ?", Integer.class, Long.valueOf(fine))).isEqualTo(1);
    }

    @Test
    void shouldWriteAgainTheMealsOfABatchThatDidNotCommit() {
        List<String> diners = List.of(fixtures.diner(), fixtures.diner());
        String writersOwn = fixtures.diner();
        hold();
        List<CompletableFuture<GraphQlTester.Response>> meals = diners.stream().map(diner -> logMeal(key(), diner)).toList();
        awaitWaiting(2);
        // this thread writes the batch (its hold is re-entrant) in a transaction it then rolls back
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        RecordResult own = SystemActor.runAs("batch-writer", () -> rolledBack.execute(status -> {
            RecordResult result = servingService.logMeal(new LogMealInput(key(), Long.parseLong(lunch.site()), org.zhucan.network.MealSlot.LUNCH,
                    null, null, null, Long.valueOf(writersOwn), new VerificationInput(VerificationMethod.STAFF_PROXY, null, null, null,
                    "老人行动不便", null, null), List.of(new MealItemInput(Long.valueOf(lunch.fish()), null, 1)), null, null));
            status.setRollbackOnly();
            return result;
        }));
        assertThat(own.record()).isNotNull();
        assertThat(batches.waitingMeals()).as("both meals taken into the batch").isZero();
        letGoOfWriting();

        for (int i = 0; i < 2; i++) {
            meals.get(i).join().path("logMeal.userErrors").entityList(Object.class).hasSize(0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                    Long.valueOf(diners.get(i)))).as("diner %s written again", diners.get(i)).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(writersOwn))).isZero();
    }

    @Test
    void shouldWriteTheOthersOfABatchWhenTheFirstMealNamesNoDiner() {
        assertMealOfNoDinerRefusedAlone(true);
    }

    @Test
    void shouldWriteTheOthersOfABatchWhenAnotherMealNamesNoDiner() {
        assertMealOfNoDinerRefusedAlone(false);
    }

    /**
     * A meal naming no diner, in a batch with two that do: found missing when the batch reads its meals' facts, it is
     * answered NOT_FOUND as when it comes alone, and the others are written (by the batch, or again by their own requests
     * when the missing one was the batch's own). The first meal to wait is the one that takes the batch when the writing
     * is let go (the lock's queue), unless the machine delays its thread; either way the outcomes are the same.
     */
    private void assertMealOfNoDinerRefusedAlone(boolean missingFirst) {
        List<String> diners = List.of(fixtures.diner(), fixtures.diner());
        String noDiner = Long.toString(jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1000 FROM diner", Long.class));
        hold();
        CompletableFuture<GraphQlTester.Response> missing = null;
        List<CompletableFuture<GraphQlTester.Response>> found = new java.util.ArrayList<>();
        if (missingFirst) {
            missing = logMeal(key(), noDiner);
            awaitWaiting(1);
        }
        for (String diner : diners) {
            found.add(logMeal(key(), diner));
            awaitWaiting(found.size() + (missingFirst ? 1 : 0));
        }
        if (!missingFirst) {
            missing = logMeal(key(), noDiner);
            awaitWaiting(3);
        }
        letGoOfWriting();

        missing.join().errors().satisfy(errors -> assertThat(errors).extracting(error -> String.valueOf(error.getErrorType()))
                .containsExactly("NOT_FOUND"));
        for (int i = 0; i < diners.size(); i++) {
            found.get(i).join().path("logMeal.userErrors").entityList(Object.class).hasSize(0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                    Long.valueOf(diners.get(i)))).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(noDiner))).isZero();
    }

    @Test
    void shouldWriteAMealAloneWhenTheBatchBeingWrittenIsHeldUp() throws Exception {
        String diner = fixtures.diner();
        // any patience shorter than the hold: the writing stays held until this meal is answered, so it did not wait behind it
        batches.patience(Duration.ofSeconds(1));
        hold();
        GraphQlTester.Response answer = logMeal(key(), diner).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        answer.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        assertThat(batches.waitingMeals()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                Long.valueOf(diner))).isEqualTo(1);
    }

    @Test
    void shouldTakeAnAdvancePaidWhileTheMealWaitedToBeWritten() {
        Map<String, Object> booking = book(fixtures.diner());
        hold();
        CompletableFuture<GraphQlTester.Response> served = serve((String) booking.get("pickupCode"));
        awaitWaiting(1);
        // the meal was checked with the booking unpaid; the booking is paid before the meal is written
        fixtures.payInCash((String) booking.get("id"));
        letGoOfWriting();

        GraphQlTester.Response answer = served.join();
        answer.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        long record = Long.parseLong(answer.path("logMeal.record.id").entity(String.class).get());
        // the advance paid the meal, and the meal was not charged again
        List<Map<String, Object>> charges = jdbc.queryForList("""
                SELECT booking_id, meal_record_id, method, amount_fen FROM payment
                WHERE kind = 'CHARGE' AND (meal_record_id = ? OR booking_id = ?)""", record, Long.valueOf((String) booking.get("id")));
        assertThat(charges).as("%s", charges).hasSize(1);
        assertThat(((Number) charges.get(0).get("booking_id")).longValue()).isEqualTo(Long.parseLong((String) booking.get("id")));
        assertThat(((Number) charges.get(0).get("meal_record_id")).longValue()).isEqualTo(record);
        assertThat(jdbc.queryForObject("SELECT status FROM booking WHERE id = ?", String.class, Long.valueOf((String) booking.get("id"))))
                .isEqualTo("SERVED");
    }

    @Test
    void shouldRefuseAMealWhoseBookingWasCancelledWhileItWaited() {
        Map<String, Object> booking = book(fixtures.diner());
        hold();
        CompletableFuture<GraphQlTester.Response> served = serve((String) booking.get("pickupCode"));
        awaitWaiting(1);
        as("operator").document("""
                        mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { userErrors { code message } } }""")
                .variable("input", Map.of("idempotencyKey", key(), "bookingId", booking.get("id"), "reason", "老人临时住院")).execute()
                .path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        letGoOfWriting();

        served.join().path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("BOOKING_NOT_FOUND")
                .path("logMeal.record").valueIsNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE booking_id = ?", Integer.class,
                Long.valueOf((String) booking.get("id")))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE booking_id = ? OR diner_id = ?", Integer.class,
                Long.valueOf((String) booking.get("id")), Long.valueOf((String) booking.get("dinerId")))).isZero();
    }

    /** A set meal booked at 08:00 for the diner: its id, pickup code and diner; the clock back at 12:00 after. */
    private Map<String, Object> book(String diner) {
        clock.stopAt(CounterRequests.at(lunch.date(), 8, 0));
        Map<String, Object> booking = as("operator").document("""
                        mutation($input: BookMealInput!) { bookMeal(input: $input) { booking { id pickupCode } userErrors { code message } } }""")
                .variable("input", BookingFixtures.bookInput(key(), diner, lunch.site(), lunch.date(), "DINE_IN", List.of(BookingFixtures.setMeal("套餐A"))))
                .execute().path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        clock.stopAt(CounterRequests.at(lunch.date(), 12, 0));
        Map<String, Object> withDiner = new java.util.HashMap<>(booking);
        withDiner.put("dinerId", diner);
        return withDiner;
    }

    private CompletableFuture<GraphQlTester.Response> serve(String pickupCode) {
        Map<String, Object> input = Map.of("idempotencyKey", key(), "siteId", lunch.site(), "slot", "LUNCH", "pickupCode", pickupCode,
                "verification", PROXY);
        return CompletableFuture.supplyAsync(() -> as("operator").documentName("logMeal").variable("input", input).execute(), counters);
    }

    private CompletableFuture<GraphQlTester.Response> logMeal(String key, String diner) {
        Map<String, Object> input = CounterRequests.walkIn(lunch, key, diner, PROXY);
        return CompletableFuture.supplyAsync(() -> as("operator").documentName("logMeal").variable("input", input).execute(), counters);
    }

    private void hold() {
        batches.holdWriting();
        holding = true;
    }

    private void letGoOfWriting() {
        holding = false;
        batches.releaseWriting();
    }

    private void awaitWaiting(int meals) {
        await(meals + " meals waiting").atMost(PATIENCE).until(() -> batches.waitingMeals() >= meals);
    }

    private static long count(List<String> sent, String prefix) {
        return sent.stream().filter(sql -> sql.startsWith(prefix)).count();
    }

    private static boolean isTrue(Object flag) {
        return flag instanceof Boolean b ? b : ((Number) flag).intValue() != 0;
    }
}
