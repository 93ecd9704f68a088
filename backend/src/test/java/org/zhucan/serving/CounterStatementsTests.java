package org.zhucan.serving;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DriverQuestions;
import org.zhucan.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.today;

/**
 * What the counter's writes cost the database once warm (the site, its slots, the policy and the
 * menu read before): every statement the driver sends for one {@code logMeal} and one
 * {@code bookMeal}, its SET, COMMIT and ROLLBACK included. The bounds are the counts reached; a
 * change that adds a round trip to these paths fails here.
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions")
class CounterStatementsTests extends ApiTest {

    /**
     * Statements the driver sends for one warm logMeal (a walk-in with two dishes, staff proxy),
     * the response's reads included: 56 before reference data was held in memory and a diner's
     * facts were one statement (23 of them SQL in the mutation's transaction), 43 after (10).
     */
    static final long LOG_MEAL_AT_MOST = 43;

    /**
     * Statements the driver sends for one warm bookMeal (dine-in, two dishes, one with a quota),
     * the response's reads included: 47 before (26 of them SQL in the mutation's transaction), 35
     * after (14).
     */
    static final long BOOK_MEAL_AT_MOST = 35;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    BookingFixtures fixtures;
    BookingFixtures.Lunch lunch;

    @Autowired
    ReferenceCache referenceCache;

    @BeforeEach
    void lunchAtACanteen() {
        // until this instance hears invalidations, reference data comes from MySQL (see ReferenceCache)
        await().atMost(Duration.ofSeconds(60)).until(referenceCache::inUse);
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "清蒸鱼", "8.00", today(), 50);
    }

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void shouldLogAWarmMealInAFewStatements() {
        clock.stopAt(CounterRequests.at(lunch.date(), 12, 0));
        long questions = fewestQuestions(() -> {
            String diner = fixtures.diner();
            return () -> log(diner).path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        });
        assertThat(questions).isLessThanOrEqualTo(LOG_MEAL_AT_MOST);
    }

    @Test
    void shouldBookAWarmMealInAFewStatements() {
        clock.stopAt(CounterRequests.at(lunch.date(), 8, 0));
        long questions = fewestQuestions(() -> {
            String diner = fixtures.diner();
            return () -> book(diner, lunch.date()).path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        });
        assertThat(questions).isLessThanOrEqualTo(BOOK_MEAL_AT_MOST);
    }

    private GraphQlTester.Response log(String diner) {
        return as("operator").documentName("logMeal").variable("input", CounterRequests.walkIn(lunch, key(), diner,
                Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"))).execute();
    }

    private GraphQlTester.Response book(String diner, LocalDate date) {
        return as("operator").documentName("bookMeal").variable("input", bookInput(key(), diner, lunch.site(), date, "DINE_IN",
                List.of(dishItem(lunch.fish(), 1), dishItem(lunch.rice(), 1)))).execute();
    }

    /**
     * The fewest questions of four requests, each for a fresh diner (prepared outside the count):
     * the first warms what is cached, and a background statement of another thread can only add.
     * The texts of the last run are printed, so that a rise shows what was added.
     */
    private static long fewestQuestions(Supplier<Runnable> prepared) {
        long fewest = Long.MAX_VALUE;
        List<String> texts = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            Runnable request = prepared.get();
            DriverQuestions.TEXTS.clear();
            DriverQuestions.recording = true;
            long before = DriverQuestions.SENT.get();
            try {
                request.run();
            } finally {
                DriverQuestions.recording = false;
            }
            long sent = DriverQuestions.SENT.get() - before;
            if (run > 0 && sent < fewest) {
                fewest = sent;
                texts = new ArrayList<>(DriverQuestions.TEXTS);
            }
        }
        System.out.println("CounterStatementsTests: " + fewest + " statements:");
        texts.forEach(text -> System.out.println("  " + text.replaceAll("\\s+", " ")));
        return fewest;
    }
}
