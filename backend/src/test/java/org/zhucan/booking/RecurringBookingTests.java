package org.zhucan.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.today;

class RecurringBookingTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecurringBookingService recurring;

    BookingFixtures fixtures;
    String site;
    String diner;
    LocalDate tomorrow;
    LocalDate dayAfter;

    @BeforeEach
    void fixtures() {
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        site = fixtures.canteen(30, LocalTime.of(9, 30));
        String rice = fixtures.dish("米饭", "1.00");
        String soup = fixtures.dish("汤", "2.00");
        tomorrow = today().plusDays(1);
        dayAfter = today().plusDays(2);
        fixtures.publishLunch(site, tomorrow, List.of(rice, soup), Arrays.asList(null, null));
        fixtures.publishLunch(site, dayAfter, List.of(rice, soup), Arrays.asList(null, null));
        diner = fixtures.diner();
        fixtures.linkFamily(diner);
    }

    @Test
    void shouldBookTheOpenDatesOnceHoweverOftenAndHoweverConcurrentlyTheJobRuns() {
        String id = create(input(List.of(DayOfWeek.values()), tomorrow, today().plusDays(30)))
                .path("createRecurringBooking.userErrors").entityList(Object.class).hasSize(0)
                .path("createRecurringBooking.recurringBooking.id").entity(String.class).get();
        // creating it booked the dates already in the window that have a menu
        assertThat(bookedDates()).containsExactly(tomorrow, dayAfter);

        recurring.materialise();
        recurring.materialise();
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(recurring::materialise);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(recurring::materialise);
        assertThat(one.join() + two.join()).isZero();
        assertThat(bookedDates()).containsExactly(tomorrow, dayAfter);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE recurring_booking_id = ?", Integer.class, Long.valueOf(id))).isEqualTo(2);
        // they are the family's bookings like any other, booked by the job, with the menu's first set meal
        as("family").documentName("myBookings").variable("filter", Map.of("from", tomorrow.toString(), "to", dayAfter.toString())).execute()
                .path("myBookings.edges[*].node.items[0].name").entityList(String.class).contains("套餐A");
        // dates without a menu yet are noted, and booked on a later run once the menu is out
        as("family").documentName("recurringBookings").variable("dinerId", diner).execute()
                .path("recurringBookings[0].skippedDays[0].date").entity(String.class).isEqualTo(today().plusDays(3).toString())
                .path("recurringBookings[0].skippedDays[0].code").entity(String.class).isEqualTo("NO_PUBLISHED_MENU");
        fixtures.publishLunch(site, today().plusDays(3), List.of(fixtures.dish("面条", "3.00")), Arrays.asList((Integer) null));
        assertThat(recurring.materialise()).isEqualTo(1);
        assertThat(bookedDates()).containsExactly(tomorrow, dayAfter, today().plusDays(3));
    }

    @Test
    void shouldNeverRebookADateTheFamilyCancelled() {
        create(input(List.of(DayOfWeek.values()), tomorrow, dayAfter)).path("createRecurringBooking.userErrors").entityList(Object.class).hasSize(0);
        String tomorrowsBooking = jdbc.queryForObject("SELECT id FROM booking WHERE diner_id = ? AND service_date = ?", String.class,
                Long.valueOf(diner), java.sql.Date.valueOf(tomorrow));
        as("family").documentName("cancelBooking")
                .variable("input", Map.of("idempotencyKey", key(), "bookingId", tomorrowsBooking)).execute()
                .path("cancelBooking.userErrors").entityList(Object.class).hasSize(0);
        recurring.materialise();
        assertThat(bookedDates()).containsExactly(dayAfter);
    }

    @Test
    void shouldBookOnlyTheChosenWeekdays() {
        create(input(List.of(tomorrow.getDayOfWeek()), tomorrow, today().plusDays(20)))
                .path("createRecurringBooking.recurringBooking.weekdays").entityList(String.class).containsExactly(tomorrow.getDayOfWeek().name());
        assertThat(bookedDates()).containsExactly(tomorrow);
    }

    @Test
    void shouldPauseForAHospitalStayCancellingWhatWasBookedThen() {
        String id = create(input(List.of(DayOfWeek.values()), tomorrow, today().plusDays(30)))
                .path("createRecurringBooking.recurringBooking.id").entity(String.class).get();
        assertThat(bookedDates()).containsExactly(tomorrow, dayAfter);
        as("family").documentName("pauseRecurringBooking").variable("input", Map.of("idempotencyKey", key(), "recurringBookingId", id, "from", dayAfter.toString(),
                        "to", today().plusDays(5).toString(), "reason", "住院")).execute()
                .path("pauseRecurringBooking.userErrors").entityList(Object.class).hasSize(0)
                .path("pauseRecurringBooking.recurringBooking.pauses[0].reason").entity(String.class).isEqualTo("住院");
        assertThat(bookedDates()).containsExactly(tomorrow);
        recurring.materialise();
        assertThat(bookedDates()).containsExactly(tomorrow);
        as("family").documentName("pauseRecurringBooking").variable("input", Map.of("idempotencyKey", key(), "recurringBookingId", id, "from", dayAfter.toString(),
                        "to", tomorrow.toString())).execute()
                .path("pauseRecurringBooking.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_RANGE");
    }

    @Test
    void shouldLetOnlyTheDinersAccountsTheSitesStaffAndAdminSeeOrPauseARecurringBooking() {
        String id = create(input(List.of(DayOfWeek.values()), tomorrow, today().plusDays(30)))
                .path("createRecurringBooking.recurringBooking.id").entity(String.class).get();
        assertThat(bookedDates()).containsExactly(tomorrow, dayAfter);
        String otherOperator = new org.zhucan.network.NetworkFixtures(as("admin"), jdbc).createOperator("长期订餐别家公司" + System.nanoTime());
        String otherStaff = org.zhucan.testsupport.TestAccounts.create(jdbc, "OPERATOR", otherOperator, null, "别家店员");
        // finance of the diner's own region, and staff of another operator who could quote the diner at their counter
        for (String stranger : List.of("finance", "inspector", otherStaff)) {
            as(stranger).documentName("pauseRecurringBooking").variable("input", Map.of("idempotencyKey", key(), "recurringBookingId", id,
                            "from", tomorrow.toString(), "to", dayAfter.toString())).execute()
                    .errors().satisfy(errors -> assertThat(errors).as(stranger + " is refused").singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isIn("FORBIDDEN", "NOT_FOUND")));
            assertThat(bookedDates()).as("nothing " + stranger + " tried cancelled a meal").containsExactly(tomorrow, dayAfter);
        }
        for (String role : List.of("finance", "inspector")) {
            as(role).documentName("recurringBookings").variable("dinerId", diner).execute()
                    .errors().satisfy(errors -> assertThat(errors).as(role + " is refused").singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        as(otherStaff).documentName("recurringBookings").variable("dinerId", diner).execute()
                .path("recurringBookings").entityList(Object.class).hasSize(0);
        // the site's own staff see it and may pause it, e.g. when the family rings the canteen
        as("operator").documentName("recurringBookings").variable("dinerId", diner).execute()
                .path("recurringBookings[*].id").entityList(String.class).containsExactly(id);
        as("operator").documentName("pauseRecurringBooking").variable("input", Map.of("idempotencyKey", key(), "recurringBookingId", id,
                        "from", dayAfter.toString(), "to", dayAfter.toString(), "reason", "家属来电")).execute()
                .path("pauseRecurringBooking.userErrors").entityList(Object.class).hasSize(0);
        assertThat(bookedDates()).containsExactly(tomorrow);
    }

    @Test
    void shouldValidateARecurringBookingAndKeepFamiliesToTheirDiners() {
        create(input(List.of(), tomorrow, dayAfter)).path("createRecurringBooking.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        create(input(List.of(DayOfWeek.MONDAY), dayAfter, tomorrow))
                .path("createRecurringBooking.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_RANGE");
        create(input(List.of(DayOfWeek.MONDAY), today().minusDays(1), dayAfter))
                .path("createRecurringBooking.userErrors[0].code").entity(String.class).isEqualTo("OUTSIDE_BOOKING_WINDOW");
        Map<String, Object> delivery = input(List.of(DayOfWeek.MONDAY), tomorrow, dayAfter);
        delivery.put("fulfilment", "DELIVERY");
        create(delivery).path("createRecurringBooking.userErrors[0].field[1]").entity(String.class).isEqualTo("deliveryAddress");
        Map<String, Object> someoneElse = input(List.of(DayOfWeek.MONDAY), tomorrow, dayAfter);
        someoneElse.put("dinerId", fixtures.diner());
        create(someoneElse).errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recurring_booking WHERE site_id = ?", Integer.class, Long.valueOf(site))).isZero();
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return as("family").documentName("createRecurringBooking").variable("input", input).execute();
    }

    private Map<String, Object> input(List<DayOfWeek> weekdays, LocalDate from, LocalDate to) {
        return new HashMap<>(Map.of("idempotencyKey", key(), "dinerId", diner, "siteId", site, "slot", "LUNCH", "fulfilment", "DINE_IN",
                "weekdays", weekdays.stream().map(Enum::name).toList(), "startsOn", from.toString(), "endsOn", to.toString()));
    }

    private List<LocalDate> bookedDates() {
        return jdbc.queryForList("SELECT service_date FROM booking WHERE diner_id = ? AND status = 'BOOKED' ORDER BY service_date",
                java.sql.Date.class, Long.valueOf(diner)).stream().map(java.sql.Date::toLocalDate).toList();
    }
}
