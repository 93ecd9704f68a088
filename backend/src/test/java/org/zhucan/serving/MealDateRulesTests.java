package org.zhucan.serving;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.TwoSlotDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.TwoSlotDistrict.offline;
import static org.zhucan.testsupport.TwoSlotDistrict.walkIn;

/**
 * A meal recorded later (an offline upload, days after) is judged by its own day: whether the site
 * was OPERATING when it was served, and the slot's hours then, not today's status and hours.
 */
class MealDateRulesTests extends ApiTest {

    private static TwoSlotDistrict world;

    @Autowired
    JdbcTemplate jdbc;

    LocalDate today;
    LocalDate yesterday;

    @BeforeEach
    void world() {
        today = DistrictWorld.today();
        yesterday = today.minusDays(1);
        if (world == null) {
            world = new TwoSlotDistrict(this::as, jdbc);
        }
        as("admin");
    }

    @Test
    void shouldAcceptMealsServedBeforeASuspensionAndRefuseThoseServedAfterItWasRecorded() {
        String site = canteen(yesterday, today);
        List<String> diners = world.diners(3);
        // suspended at 14:00 today, effective today
        clock.stopAt(at(today, 14, 0));
        new NetworkFixtures(as("admin"), jdbc).changeStatus(site, "SUSPENDED", today.toString(), "停业整顿");
        clock.stopAt(at(today, 15, 0));

        List<Map<String, Object>> results = upload(site, List.of(
                offline(id("lunch-today"), "LUNCH", diners.get(0), shanghai(today, 12, 0)),
                offline(id("lunch-yesterday"), "LUNCH", diners.get(1), shanghai(yesterday, 12, 0)),
                offline(id("after-suspension"), "LUNCH", diners.get(2), shanghai(today, 14, 30))));
        assertThat(outcome(results.get(0))).isEqualTo("ACCEPTED");
        assertThat(outcome(results.get(1))).isEqualTo("ACCEPTED");
        assertThat(outcome(results.get(2))).isEqualTo("REJECTED SITE_NOT_OPERATING");
        // and the counter, now
        Map<String, Object> now = walkIn(site, "LUNCH", diners.get(2), shanghai(today, 15, 0));
        assertThat(as(world.staff).documentName("fixtureLogMeal")
                .variable("input", now).execute().path("logMeal.userErrors[*].code").entityList(String.class).get())
                .containsExactly("SITE_NOT_OPERATING");
    }

    @Test
    void shouldRefuseMealsOfADayAfterTheSiteWasSuspendedAndAcceptThoseOfTheDaysBefore() {
        String site = canteen(today.minusDays(5), yesterday);
        List<String> diners = world.diners(2);
        new NetworkFixtures(as("admin"), jdbc).changeStatus(site, "SUSPENDED", today.minusDays(3).toString(), "停业整顿");

        List<Map<String, Object>> results = upload(site, List.of(
                offline(id("five-days-ago"), "LUNCH", diners.get(0), shanghai(today.minusDays(5), 12, 0)),
                offline(id("yesterday"), "LUNCH", diners.get(1), shanghai(yesterday, 12, 0))));
        assertThat(outcome(results.get(0))).isEqualTo("ACCEPTED");
        assertThat(outcome(results.get(1))).isEqualTo("REJECTED SITE_NOT_OPERATING");
    }

    @Test
    void shouldJudgeAnUploadedMealByTheSlotHoursInForceWhenItWasServed() {
        String site = canteen(yesterday, today);
        List<String> diners = world.diners(5);
        // at 12:10 today lunch is cut to 11:00-12:00 and dinner is dropped
        clock.stopAt(at(today, 12, 10));
        as(world.staff).documentName("updateSite").variable("input", Map.of("siteId", site,
                        "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "12:00", "seats", 30)))).execute()
                .path("updateSite.userErrors").entityList(Object.class).hasSize(0)
                .path("updateSite.site.slots[*].slot").entityList(String.class).containsExactly("LUNCH");
        clock.stopAt(at(today, 20, 0));

        List<Map<String, Object>> results = upload(site, List.of(
                offline(id("a-lunch-yesterday"), "LUNCH", diners.get(0), shanghai(yesterday, 12, 30)),
                offline(id("b-lunch-before"), "LUNCH", diners.get(1), shanghai(today, 12, 5)),
                offline(id("c-lunch-after"), "LUNCH", diners.get(2), shanghai(today, 12, 30)),
                offline(id("d-dinner-yesterday"), "DINNER", diners.get(3), shanghai(yesterday, 18, 0)),
                offline(id("e-dinner-today"), "DINNER", diners.get(4), shanghai(today, 18, 0))));
        assertThat(outcome(results.get(0))).isEqualTo("ACCEPTED");
        assertThat(flags(results.get(0))).as("12:30 yesterday, when lunch was 11:00-13:00").isEmpty();
        assertThat(outcome(results.get(1))).isEqualTo("ACCEPTED");
        assertThat(flags(results.get(1))).as("12:05 today, before the change").isEmpty();
        assertThat(outcome(results.get(2))).isEqualTo("ACCEPTED");
        assertThat(flags(results.get(2))).as("12:30 today, after the change").containsExactly("OUTSIDE_SERVING_HOURS");
        assertThat(outcome(results.get(3))).as("dinner yesterday, when it was served").isEqualTo("ACCEPTED");
        assertThat(outcome(results.get(4))).as("dinner today, after it was dropped").isEqualTo("REJECTED SLOT_NOT_SERVED");
    }

    /** A canteen of the world created at 08:00 yesterday by the application's clock, so that its slots are older than any change a test makes. */
    private String canteen(LocalDate... menuDates) {
        clock.stopAt(at(yesterday, 8, 0));
        try {
            return world.canteen(menuDates);
        } finally {
            clock.resume();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> upload(String site, List<Map<String, Object>> records) {
        GraphQlTester.Response response = as(world.staff).documentName("uploadMealRecords").variable("input", Map.of("siteId", site, "records", records)).execute();
        response.path("uploadMealRecords.userErrors").entityList(Object.class).hasSize(0);
        List<Map<String, Object>> results = response.path("uploadMealRecords.results").entityList(Map.class).get().stream()
                .map(result -> (Map<String, Object>) result).toList();
        assertThat(results).hasSize(records.size());
        return results;
    }

    @SuppressWarnings("unchecked")
    private static String outcome(Map<String, Object> result) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) result.get("userErrors");
        return result.get("outcome") + errors.stream().map(error -> " " + error.get("code")).reduce("", String::concat);
    }

    @SuppressWarnings("unchecked")
    private static List<String> flags(Map<String, Object> result) {
        Map<String, Object> record = (Map<String, Object>) result.get("record");
        return ((List<Map<String, Object>>) record.get("flags")).stream().map(flag -> (String) flag.get("code")).toList();
    }

    private static String id(String name) {
        return name + "-" + System.nanoTime();
    }

    private static java.time.Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(BusinessTime.ZONE).toInstant();
    }
}
