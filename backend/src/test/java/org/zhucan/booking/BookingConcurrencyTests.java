package org.zhucan.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.Race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.today;

/**
 * Real clients racing over HTTP against the real database: seats never oversold, on one
 * application instance or two sharing the database, and repeated idempotency keys booking once.
 */
class BookingConcurrencyTests extends org.zhucan.testsupport.ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    String rice;
    LocalDate tomorrow;

    @BeforeEach
    void fixtures() {
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        rice = fixtures.dish("米饭", "1.00");
        tomorrow = today().plusDays(1);
    }

    @Test
    void shouldBookExactly50Of200ConcurrentRequestsFor50Seats() throws Exception {
        String site = fixtures.canteen(50, LocalTime.of(9, 30));
        fixtures.publishLunch(site, tomorrow, List.of(rice), Collections.singletonList(null));
        List<String> diners = dinerCopies(200);
        HttpGraphQlTester operator = as("operator");
        List<String> outcomes = Race.run(200, i -> bookOnce(operator, diners.get(i), site));
        assertRaceOutcome(site, outcomes);
    }

    @Test
    void shouldBookExactly50Of200ConcurrentRequestsSpreadOverTwoApplicationInstances() throws Exception {
        String site = fixtures.canteen(50, LocalTime.of(9, 30));
        fixtures.publishLunch(site, tomorrow, List.of(rice), Collections.singletonList(null));
        List<String> diners = dinerCopies(200);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(secondPort).isNotEqualTo(port);
            HttpGraphQlTester first = as("operator");
            HttpGraphQlTester other = testerAt(secondPort, "operator");
            List<String> outcomes = Race.run(200, i -> bookOnce(i % 2 == 0 ? first : other, diners.get(i), site));
            assertRaceOutcome(site, outcomes);
        }
    }

    @Test
    void shouldBookOnceFor20ConcurrentRepeatsOfOneIdempotencyKey() throws Exception {
        String site = fixtures.canteen(50, LocalTime.of(9, 30));
        fixtures.publishLunch(site, tomorrow, List.of(rice), Collections.singletonList(null));
        String diner = dinerCopies(1).get(0);
        Map<String, Object> input = bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1)));
        HttpGraphQlTester operator = as("operator");
        List<String> outcomes = Race.run(20, i -> {
            var response = operator.documentName("fixtureBookMeal").variable("input", input).execute();
            response.path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
            return response.path("bookMeal.booking.id").entity(String.class).get();
        });
        assertThat(outcomes).hasSize(20).containsOnly(outcomes.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE diner_id = ?", Integer.class, Long.valueOf(diner))).isEqualTo(1);
        assertThat(seatsTaken(site)).isEqualTo(1);
    }

    private void assertRaceOutcome(String site, List<String> outcomes) {
        assertThat(outcomes.stream().filter("BOOKED"::equals).count()).isEqualTo(50);
        assertThat(outcomes.stream().filter("SLOT_FULL"::equals).count()).isEqualTo(150);
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE site_id = ? AND status = 'BOOKED'", Integer.class, Long.valueOf(site));
        assertThat(rows).isEqualTo(50);
        assertThat(seatsTaken(site)).isEqualTo(rows);
    }

    private String bookOnce(HttpGraphQlTester tester, String diner, String site) {
        var response = tester.documentName("fixtureBookMeal").variable("input", bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(rice, 1))))
                .execute();
        List<String> codes = response.path("bookMeal.userErrors[*].code").entityList(String.class).get();
        return codes.isEmpty() ? "BOOKED" : String.join(",", codes);
    }

    /** Diners for a race, made fast: copies of one diner registered through the API (see {@link DinerFixtures#copiesOf}). */
    private List<String> dinerCopies(int count) {
        return new DinerFixtures(as("admin"), jdbc).copiesOf(fixtures.diner(), count);
    }

    private int seatsTaken(String site) {
        return jdbc.queryForObject("SELECT seats_taken FROM slot_capacity WHERE site_id = ? AND service_date = ? AND slot = 'LUNCH'",
                Integer.class, Long.valueOf(site), java.sql.Date.valueOf(tomorrow));
    }
}
