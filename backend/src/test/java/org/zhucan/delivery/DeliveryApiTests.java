package org.zhucan.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery end to end over the API: a slot's delivery bookings planned into a run ordered nearest-neighbour from the
 * site, reordered by hand, confirmed at the door as a DELIVERY meal record priced and subsidised as the booking was
 * quoted (once per idempotency key), a failed stop recorded with its reason and no meal record, and a no-answer
 * wellness check raising a care alert.
 */
class DeliveryApiTests extends ApiTest {

    private static final String PLAN = """
            mutation($input: PlanDeliveryRunsInput!) { planDeliveryRuns(input: $input) {
              runs { id courierUsername stops { id position status diner { id } } } userErrors { code message } } }""";
    private static final String CONFIRM = """
            mutation($input: ConfirmDeliveryStopInput!) { confirmDeliveryStop(input: $input) {
              stop { id status mealRecordId failureReason wellness distanceMetres pickupCodeGiven } userErrors { code field } } }""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRouteConfirmAndSubsidiseDeliveriesAndRaiseACareAlertWhenNobodyAnswers() {
        logInDemoAccounts();
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        LocalDate tomorrow = BookingFixtures.today().plusDays(1);
        String site = network.createSite("送餐测试食堂" + System.nanoTime(), "CANTEEN", fixtures.community(), fixtures.operatorId(), 34.600, 112.700);
        jdbc.update("UPDATE site_slot SET booking_cutoff = ? WHERE site_id = ?", java.sql.Time.valueOf(LocalTime.of(9, 30)), Long.valueOf(site));
        network.open(site, BookingFixtures.today().toString(), BookingFixtures.today().toString());
        fixtures.lunch(site, "红烧肉", "8.00", tomorrow, null);

        // three diners at 3.3 km, 110 m and 1.1 km north of the site
        String far = fixtures.diner();
        String near = fixtures.diner();
        String middle = fixtures.diner();
        Map<String, Double> north = Map.of(far, 34.630, near, 34.601, middle, 34.610);
        Map<String, String> bookings = new java.util.HashMap<>();
        for (String diner : List.of(far, near, middle)) {
            bookings.put(diner, as("operator").documentName("bookMeal").variable("input", BookingFixtures.bookInput(BookingFixtures.key(), diner, site,
                            tomorrow, "DELIVERY", List.of(BookingFixtures.setMeal("套餐A")))).execute()
                    .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                    .path("bookMeal.booking.id").entity(String.class).get());
        }
        Map<String, Object> plan = Map.of("siteId", site, "date", tomorrow.toString(), "slot", "LUNCH",
                "couriers", List.of(Map.of("username", "operator", "capacity", 3)));
        // no home locations yet: nothing is planned, and the error says why
        as("operator").document(PLAN).variable("input", plan).execute()
                .path("planDeliveryRuns.userErrors[0].code").entity(String.class).isEqualTo("NO_HOME_LOCATION");
        north.forEach((diner, lat) -> as("operator").document("""
                        mutation($input: SetDinerHomeLocationInput!) { setDinerHomeLocation(input: $input) { set userErrors { code } } }""")
                .variable("input", Map.of("dinerId", diner, "latitude", lat, "longitude", 112.700)).execute()
                .path("setDinerHomeLocation.set").entity(Boolean.class).isEqualTo(true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner_home_location WHERE location_encrypted LIKE '%34.6%'", Integer.class)).isZero();
        // a courier is staff of the site's own operator (or a volunteer): another operator's account or a family account is refused
        for (String stranger : List.of("family", TestAccounts.create(jdbc, "OPERATOR", otherOperator(), null, "别家员工"))) {
            as("operator").document(PLAN).variable("input", Map.of("siteId", site, "date", tomorrow.toString(), "slot", "LUNCH",
                            "couriers", List.of(Map.of("username", stranger, "capacity", 3)))).execute()
                    .path("planDeliveryRuns.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("planDeliveryRuns.runs").entityList(Object.class).hasSize(0);
        }
        // too little capacity: refused as a whole
        as("operator").document(PLAN).variable("input", Map.of("siteId", site, "date", tomorrow.toString(), "slot", "LUNCH",
                        "couriers", List.of(Map.of("username", "operator", "capacity", 2)))).execute()
                .path("planDeliveryRuns.userErrors[0].code").entity(String.class).isEqualTo("COURIER_CAPACITY_EXCEEDED");

        GraphQlTester.Response planned = as("operator").document(PLAN).variable("input", plan).execute();
        planned.path("planDeliveryRuns.userErrors").entityList(Object.class).hasSize(0);
        String run = planned.path("planDeliveryRuns.runs[0].id").entity(String.class).get();
        List<String> route = planned.path("planDeliveryRuns.runs[0].stops[*].diner.id").entityList(String.class).get();
        assertThat(route).containsExactly(near, middle, far);
        List<String> stops = planned.path("planDeliveryRuns.runs[0].stops[*].id").entityList(String.class).get();
        // a second plan finds nothing left to plan
        as("operator").document(PLAN).variable("input", plan).execute()
                .path("planDeliveryRuns.userErrors[0].code").entity(String.class).isEqualTo("BOOKING_NOT_FOUND");

        // reordered by hand: the far one first
        as("operator").document("""
                        mutation($input: ReorderDeliveryStopsInput!) { reorderDeliveryStops(input: $input) {
                          run { stops { id position } } userErrors { code } } }""")
                .variable("input", Map.of("runId", run, "stopIds", List.of(stops.get(2), stops.get(0), stops.get(1)))).execute()
                .path("reorderDeliveryStops.run.stops[*].id").entityList(String.class).containsExactly(stops.get(2), stops.get(0), stops.get(1));

        clock.stopAt(tomorrow.atTime(12, 0).atZone(BusinessTime.ZONE).toInstant());
        String nearStop = stops.get(0);
        String pickupCode = jdbc.queryForObject("SELECT pickup_code FROM booking WHERE id = ?", String.class, Long.valueOf(bookings.get(near)));
        Map<String, Object> delivered = Map.of("idempotencyKey", "deliver-" + nearStop + "-" + System.nanoTime(), "stopId", nearStop,
                "outcome", "DELIVERED", "latitude", 34.6011, "longitude", 112.700, "pickupCode", pickupCode, "wellness", "NORMAL");
        GraphQlTester.Response confirmed = as("operator").document(CONFIRM).variable("input", delivered).execute();
        confirmed.path("confirmDeliveryStop.userErrors").entityList(Object.class).hasSize(0)
                .path("confirmDeliveryStop.stop.status").entity(String.class).isEqualTo("DELIVERED")
                .path("confirmDeliveryStop.stop.pickupCodeGiven").entity(Boolean.class).isEqualTo(true);
        String record = confirmed.path("confirmDeliveryStop.stop.mealRecordId").entity(String.class).get();
        // the same key again: the first result, and still one meal record
        as("operator").document(CONFIRM).variable("input", delivered).execute()
                .path("confirmDeliveryStop.stop.mealRecordId").entity(String.class).isEqualTo(record);
        Map<String, Object> meal = jdbc.queryForMap("SELECT verification, subsidy_fen, price_fen, booking_id FROM meal_record WHERE id = ?",
                Long.valueOf(record));
        Map<String, Object> booked = jdbc.queryForMap("SELECT subsidy_fen, price_fen, status FROM booking WHERE id = ?", Long.valueOf(bookings.get(near)));
        assertThat(meal.get("verification")).isEqualTo("DELIVERY");
        assertThat(meal.get("booking_id").toString()).isEqualTo(bookings.get(near));
        assertThat(meal.get("price_fen")).isEqualTo(booked.get("price_fen"));
        assertThat(meal.get("subsidy_fen")).isEqualTo(booked.get("subsidy_fen"));
        assertThat(booked.get("status")).isEqualTo("SERVED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE booking_id = ?", Integer.class, Long.valueOf(bookings.get(near))))
                .isEqualTo(1);

        // nobody home: recorded with its reason, no meal record, and a care alert for the diner
        as("operator").document(CONFIRM).variable("input", Map.of("idempotencyKey", "fail-" + System.nanoTime(), "stopId", stops.get(1),
                        "outcome", "FAILED", "positionReason", "楼道无信号", "failureReason", "NOBODY_HOME", "wellness", "NO_ANSWER")).execute()
                .path("confirmDeliveryStop.userErrors").entityList(Object.class).hasSize(0)
                .path("confirmDeliveryStop.stop.status").entity(String.class).isEqualTo("FAILED")
                .path("confirmDeliveryStop.stop.mealRecordId").valueIsNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(middle))).isZero();
        as("admin").document("""
                        query($diner: ID) { careAlerts(filter: { dinerId: $diner }) { edges { node { kind status diner { id } } } } }""")
                .variable("diner", middle).execute()
                .path("careAlerts.edges[0].node.kind").entity(String.class).isEqualTo("NO_ANSWER")
                .path("careAlerts.edges[0].node.status").entity(String.class).isEqualTo("OPEN");

        // far from the home without a reason: refused, and nothing recorded
        as("operator").document(CONFIRM).variable("input", Map.of("idempotencyKey", "far-" + System.nanoTime(), "stopId", stops.get(2),
                        "outcome", "DELIVERED", "latitude", 34.600, "longitude", 112.700, "photoRef", "photo-1", "wellness", "NORMAL")).execute()
                .path("confirmDeliveryStop.userErrors[0].code").entity(String.class).isEqualTo("TOO_FAR_FROM_ADDRESS");
        assertThat(jdbc.queryForObject("SELECT status FROM delivery_stop WHERE id = ?", String.class, Long.valueOf(stops.get(2)))).isEqualTo("PENDING");
    }

    @Test
    void shouldReadTheRunSheetWithAsManyStatementsForThreeRunsAsForOne() {
        logInDemoAccounts();
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        LocalDate tomorrow = BookingFixtures.today().plusDays(1);
        LocalDate dayAfter = tomorrow.plusDays(1);
        String site = network.createSite("送餐计数食堂" + System.nanoTime(), "CANTEEN", fixtures.community(), fixtures.operatorId(), 34.500, 112.600);
        jdbc.update("UPDATE site_slot SET booking_cutoff = ? WHERE site_id = ?", java.sql.Time.valueOf(LocalTime.of(9, 30)), Long.valueOf(site));
        network.open(site, BookingFixtures.today().toString(), BookingFixtures.today().toString());
        fixtures.lunch(site, "清蒸鱼", "8.00", tomorrow, null);
        fixtures.lunch(site, "清蒸鱼", "8.00", dayAfter, null);
        String region = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM region WHERE name = '孝文街道'", String.class);
        List<String> volunteers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            volunteers.add(as("admin").document("""
                            mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { volunteer { id } userErrors { code } } }""")
                    .variable("input", Map.of("name", "计数志愿者" + i, "phone", "1390379000" + i, "regionId", region)).execute()
                    .path("registerVolunteer.volunteer.id").entity(String.class).get());
        }
        deliveries(fixtures, site, tomorrow, 1);
        deliveries(fixtures, site, dayAfter, 3);
        as("operator").document(PLAN).variable("input", Map.of("siteId", site, "date", tomorrow.toString(), "slot", "LUNCH",
                "couriers", List.of(Map.of("volunteerId", volunteers.get(0), "capacity", 5)))).execute()
                .path("planDeliveryRuns.userErrors").entityList(Object.class).hasSize(0);
        as("operator").document(PLAN).variable("input", Map.of("siteId", site, "date", dayAfter.toString(), "slot", "LUNCH",
                "couriers", List.of(Map.of("volunteerId", volunteers.get(0), "capacity", 1), Map.of("volunteerId", volunteers.get(1), "capacity", 1),
                        Map.of("username", "operator", "capacity", 1)))).execute()
                .path("planDeliveryRuns.runs").entityList(Object.class).hasSize(3);
        String sheet = """
                query($site: ID!, $date: Date!) { deliveryRuns(siteId: $site, date: $date, slot: LUNCH) {
                  id site { name } courierUsername volunteer { name phone visitMinutes deliveryMinutes serviceHours region { name } }
                  stops { id position status diner { name } } } }""";
        assertStatementsDoNotGrow(
                () -> fewestStatements(() -> as("operator").document(sheet).variable("site", site).variable("date", tomorrow.toString()).execute()
                        .path("deliveryRuns").entityList(Object.class).hasSize(1), 100),
                () -> fewestStatements(() -> as("operator").document(sheet).variable("site", site).variable("date", dayAfter.toString()).execute()
                        .path("deliveryRuns").entityList(Object.class).hasSize(3), 100));
    }

    /** Fresh diners, each with a delivery booking of the date's lunch at the site and a home near it. */
    private void deliveries(BookingFixtures fixtures, String site, LocalDate date, int count) {
        for (int i = 0; i < count; i++) {
            String diner = fixtures.diner();
            as("operator").documentName("bookMeal").variable("input", BookingFixtures.bookInput(BookingFixtures.key(), diner, site, date, "DELIVERY",
                    List.of(BookingFixtures.setMeal("套餐A")))).execute().path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
            as("operator").document("""
                            mutation($input: SetDinerHomeLocationInput!) { setDinerHomeLocation(input: $input) { set } }""")
                    .variable("input", Map.of("dinerId", diner, "latitude", 34.501 + i * 0.001, "longitude", 112.600)).execute()
                    .path("setDinerHomeLocation.set").entity(Boolean.class).isEqualTo(true);
        }
    }

    /** An operator other than the one whose staff the demo account "operator" is. */
    private String otherOperator() {
        return jdbc.queryForObject("SELECT CAST(MIN(o.id) AS CHAR) FROM operator o WHERE o.id <> (SELECT operator_id FROM app_user WHERE username = 'operator')",
                String.class);
    }
}
