package org.zhucan.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two couriers' devices confirming the same stop at once, on two application instances, each with its own key: the
 * database lets one meal record through (the stop's conditional update and the booking's one meal), so the booking's
 * subsidy is claimed once.
 */
class DeliveryRaceTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRecordOneSubsidisedMealWhenTwoInstancesConfirmTheSameStopAtOnce() throws Exception {
        logInDemoAccounts();
        String token = login("operator", DEMO_PASSWORD);
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        LocalDate tomorrow = BookingFixtures.today().plusDays(1);
        String site = network.createSite("送餐竞争食堂" + System.nanoTime(), "CANTEEN", fixtures.community(), fixtures.operatorId(), 34.700, 112.700);
        jdbc.update("UPDATE site_slot SET booking_cutoff = ? WHERE site_id = ?", java.sql.Time.valueOf(LocalTime.of(9, 30)), Long.valueOf(site));
        network.open(site, BookingFixtures.today().toString(), BookingFixtures.today().toString());
        fixtures.lunch(site, "红烧肉", "8.00", tomorrow, null);
        String diner = fixtures.diner();
        String booking = as("operator").documentName("bookMeal").variable("input", BookingFixtures.bookInput(BookingFixtures.key(), diner, site,
                        tomorrow, "DELIVERY", List.of(BookingFixtures.setMeal("套餐A")))).execute()
                .path("bookMeal.booking.id").entity(String.class).get();
        as("operator").document("mutation($input: SetDinerHomeLocationInput!) { setDinerHomeLocation(input: $input) { set } }")
                .variable("input", Map.of("dinerId", diner, "latitude", 34.701, "longitude", 112.700)).execute();
        String stop = as("operator").document("""
                        mutation($input: PlanDeliveryRunsInput!) { planDeliveryRuns(input: $input) { runs { stops { id } } userErrors { code } } }""")
                .variable("input", Map.of("siteId", site, "date", tomorrow.toString(), "slot", "LUNCH",
                        "couriers", List.of(Map.of("username", "operator", "capacity", 5)))).execute()
                .path("planDeliveryRuns.runs[0].stops[0].id").entity(String.class).get();
        String pickupCode = jdbc.queryForObject("SELECT pickup_code FROM booking WHERE id = ?", String.class, Long.valueOf(booking));

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            java.time.Instant noon = tomorrow.atTime(12, 0).atZone(BusinessTime.ZONE).toInstant();
            clock.stopAt(noon);
            second.getBean(TestClock.class).stopAt(noon);
            List<HttpGraphQlTester> instances = List.of(courier("http://localhost:" + port, token), courier("http://localhost:" + secondPort, token));
            List<String> outcomes = Race.run(2, i -> {
                Map<String, Object> input = Map.of("idempotencyKey", "race-" + i + "-" + System.nanoTime(), "stopId", stop, "outcome", "DELIVERED",
                        "latitude", 34.701, "longitude", 112.700, "pickupCode", pickupCode, "wellness", "NORMAL");
                return instances.get(i).document("""
                                mutation($input: ConfirmDeliveryStopInput!) { confirmDeliveryStop(input: $input) {
                                  stop { status } userErrors { code } } }""").variable("input", input).execute()
                        .path("confirmDeliveryStop").entity(Map.class).get().toString();
            });
            assertThat(outcomes).filteredOn(outcome -> outcome.contains("DELIVERED")).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE booking_id = ?", Integer.class, Long.valueOf(booking))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class, Long.valueOf(diner)))
                .isLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM delivery_stop WHERE id = ?", String.class, Long.valueOf(stop))).isEqualTo("DELIVERED");
    }

    private static HttpGraphQlTester courier(String baseUrl, String token) {
        return TestClients.graphQl(baseUrl).mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
