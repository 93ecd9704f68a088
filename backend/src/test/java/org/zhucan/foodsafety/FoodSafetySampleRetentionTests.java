package org.zhucan.foodsafety;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.MealSlot;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;
import static org.zhucan.testsupport.Responses.at;
import static org.zhucan.testsupport.Responses.errorType;

/**
 * Sample retention (留样): logging a slot's samples and every rule of the input, underweight samples
 * and late logs, one log per slot (also under a race), who may log and read them, and the served
 * slots without a log: listed once the slot is over, gone once logged, never for a slot without
 * meals; through the API and through the method the operator evaluation calls.
 * <p>
 * Meals are served on {@link #day}, two days ahead, so that its menus can still be published when
 * the test starts; the test then stops the clock on that day (accounts log in first: tokens are
 * checked against real time).
 */
class FoodSafetySampleRetentionTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SampleRetentionService sampleRetentionService;

    FoodSafetyWorld world;
    LocalDate day;

    @BeforeEach
    void world() {
        day = today().plusDays(2);
        world = new FoodSafetyWorld(this::as, jdbc, day, day.plusDays(1));
    }

    // ------------------------------------------------------------------------------- logging

    @Test
    void shouldLogTheSlotsSamplesWithTheirWeightsAndMarkThoseUnder125Grams() {
        stopAt(day, 11, 20);
        Map<String, Object> input = input(world.siteA, day, shanghai(day, 11, 0));
        input.put("keeper", "  王师傅 ");
        input.put("dishes", List.of(dish("清蒸鱼", 150), dish(" 炒青菜 ", 124), dish("米饭", 125)));

        Map<String, Object> logged = logged(world.operatorStaff, input);

        assertThat(at(logged, "site.id")).isEqualTo(world.siteA);
        assertThat(at(logged, "date")).isEqualTo(day.toString());
        assertThat(at(logged, "slot")).isEqualTo("LUNCH");
        Instant keptAt = instant(at(logged, "keptAt"));
        assertThat(keptAt).isEqualTo(ZonedDateTime.of(day, LocalTime.of(11, 0), BusinessTime.ZONE).toInstant());
        assertThat(at(logged, "keeper")).isEqualTo("王师傅");
        assertThat(logged.get("dishes")).isEqualTo(List.of(
                Map.of("name", "清蒸鱼", "weightGrams", 150, "underweight", false),
                Map.of("name", "炒青菜", "weightGrams", 124, "underweight", true),
                Map.of("name", "米饭", "weightGrams", 125, "underweight", false)));
        assertThat(instant(at(logged, "disposeAfter"))).isEqualTo(keptAt.plus(Duration.ofHours(48)));
        assertThat(at(logged, "loggedBy")).isEqualTo(world.operatorStaff);
        assertThat(instant(at(logged, "loggedAt"))).isEqualTo(clock.instant());
        assertThat(at(logged, "loggedLate")).isEqualTo(false);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SAMPLE_RETENTION_LOGGED' "
                + "AND entity_type = 'SampleRetention' AND entity_id = ? AND actor = ?", Integer.class, logged.get("id"), world.operatorStaff))
                .isEqualTo(1);
    }

    @Test
    void shouldMarkALogEnteredMoreThanAnHourAfterTheSlotsServingHoursAsLate() {
        stopAt(day, 14, 0);
        assertThat(at(logged(world.operatorStaff, input(world.siteA, day, shanghai(day, 11, 0))), "loggedLate")).isEqualTo(false);
        stopAt(day, 14, 1);
        assertThat(at(logged(world.inspector, input(world.siteB, day, shanghai(day, 11, 0))), "loggedLate")).isEqualTo(true);
        stopAt(day.plusDays(1), 9, 0);
        assertThat(at(logged(world.operatorStaff, input(world.siteA, day.minusDays(1), shanghai(day.minusDays(1), 10, 50))), "loggedLate"))
                .isEqualTo(true);

        List<Map<String, Object>> listed = Responses.allNodes(as(world.finance), "sampleRetentions", "sampleRetentions",
                window(day.minusDays(1), day), 10);
        Map<String, Object> late = new HashMap<>();
        listed.forEach(node -> late.put(at(node, "site.id") + "/" + node.get("date"), node.get("loggedLate")));
        assertThat(late).isEqualTo(Map.of(world.siteA + "/" + day, false, world.siteB + "/" + day, true,
                world.siteA + "/" + day.minusDays(1), true));
    }

    @Test
    void shouldRefuseASlotTheSiteDoesNotServe() {
        stopAt(day, 20, 0);
        for (String slot : List.of("BREAKFAST", "DINNER")) {
            Map<String, Object> input = input(world.siteA, day, shanghai(day, 17, 0));
            input.put("slot", slot);
            List<Map<String, Object>> errors = userErrors(world.operatorStaff, input);
            assertThat(errors).hasSize(1);
            assertThat(at(errors.get(0), "code")).isEqualTo("SLOT_NOT_SERVED");
            assertThat(errors.get(0).get("field")).isEqualTo(List.of("input", "slot"));
        }
        assertThat(logsOfSite(world.siteA)).isZero();
    }

    @Test
    void shouldRefuseEachInvalidLogAndRecordNothing() {
        stopAt(day, 11, 20);
        List<Case> cases = List.of(
                new Case("kept the day before", in -> in.put("keptAt", shanghai(day.minusDays(1), 23, 59)), "input.keptAt"),
                new Case("kept the day after", in -> in.put("keptAt", shanghai(day.plusDays(1), 0, 0)), "input.keptAt"),
                new Case("kept in ten minutes", in -> in.put("keptAt", shanghai(day, 11, 30)), "input.keptAt"),
                new Case("a blank keeper", in -> in.put("keeper", "  "), "input.keeper"),
                new Case("a keeper of 65 characters", in -> in.put("keeper", "王".repeat(65)), "input.keeper"),
                new Case("no dishes", in -> in.put("dishes", List.of()), "input.dishes"),
                new Case("21 dishes", in -> in.put("dishes", Collections.nCopies(21, dish("米饭", 150))), "input.dishes"),
                new Case("a blank dish name", in -> in.put("dishes", List.of(dish(" ", 150))), "input.dishes.0.name"),
                new Case("a dish name of 65 characters", in -> in.put("dishes", List.of(dish("米饭", 150), dish("菜".repeat(65), 150))),
                        "input.dishes.1.name"),
                new Case("no weight", in -> in.put("dishes", List.of(dish("米饭", 0))), "input.dishes.0.weightGrams"),
                new Case("5001 grams", in -> in.put("dishes", List.of(dish("米饭", 5001))), "input.dishes.0.weightGrams"));
        for (Case refused : cases) {
            Map<String, Object> input = input(world.siteA, day, shanghai(day, 11, 0));
            refused.change().accept(input);
            List<Map<String, Object>> errors = userErrors(world.operatorStaff, input);
            assertThat(errors).as(refused.name()).hasSize(1);
            assertThat(at(errors.get(0), "code")).as(refused.name()).isEqualTo("INVALID_INPUT");
            assertThat(String.join(".", strings(errors.get(0).get("field")))).as(refused.name()).isEqualTo(refused.field());
        }
        assertThat(logsOfSite(world.siteA)).isZero();
        // the limits themselves are allowed: 20 dishes, 1 and 5000 grams, names and keeper of 64
        Map<String, Object> atLimits = input(world.siteA, day, shanghai(day, 11, 20));
        List<Map<String, Object>> twenty = new ArrayList<>(Collections.nCopies(18, dish("菜".repeat(64), 200)));
        twenty.add(dish("汤", 1));
        twenty.add(dish("饭", 5000));
        atLimits.put("dishes", twenty);
        atLimits.put("keeper", "王".repeat(64));
        assertThat((List<?>) logged(world.operatorStaff, atLimits).get("dishes")).hasSize(20);
    }

    @Test
    void shouldRefuseASecondLogOfTheSameSlot() {
        stopAt(day, 11, 20);
        logged(world.operatorStaff, input(world.siteA, day, shanghai(day, 11, 0)));
        for (String user : List.of(world.operatorStaff, world.inspector, "admin")) {
            List<Map<String, Object>> errors = userErrors(user, input(world.siteA, day, shanghai(day, 11, 10)));
            assertThat(errors).hasSize(1);
            assertThat(at(errors.get(0), "code")).isEqualTo("SAMPLE_ALREADY_LOGGED");
        }
        assertThat(logsOfSite(world.siteA)).isEqualTo(1);
        // another site, or another day, is another slot
        logged(world.operatorStaff, input(world.siteB, day, shanghai(day, 11, 0)));
        logged(world.operatorStaff, input(world.siteA, day.minusDays(1), shanghai(day.minusDays(1), 11, 0)));
        assertThat(logsOfSite(world.siteA)).isEqualTo(2);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentLogsOfASlotInAndTellTheOthersItIsLogged() throws Exception {
        stopAt(day, 11, 20);
        List<String> outcomes = Race.run(8, i -> {
            Map<String, Object> input = input(world.siteA, day, shanghai(day, 11, i));
            GraphQlTester.Response response = as(i % 2 == 0 ? world.operatorStaff : world.inspector).documentName("logSampleRetention")
                    .variable("input", input).execute();
            List<Object> codes = response.path("logSampleRetention.userErrors[*].code").entityList(Object.class).get();
            return codes.isEmpty() ? "LOGGED" : String.valueOf(codes.get(0));
        });
        assertThat(outcomes).containsOnly("LOGGED", "SAMPLE_ALREADY_LOGGED");
        assertThat(Collections.frequency(outcomes, "LOGGED")).isEqualTo(1);
        assertThat(logsOfSite(world.siteA)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sample_retention_dish d JOIN sample_retention r ON r.id = d.retention_id "
                + "WHERE r.site_id = ?", Integer.class, Long.valueOf(world.siteA))).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------- who

    @Test
    void shouldLetOnlyTheSitesStaffInspectorsOfItsRegionAndAdministratorsLogSamples() {
        stopAt(day, 14, 0);
        Map<String, Object> input = input(world.siteA, day, shanghai(day, 11, 0));
        for (String refused : List.of(world.otherOperatorStaff, world.finance, world.otherInspector, world.otherFinance, FoodSafetyWorld.DINER)) {
            assertThat(errorType(as(refused).documentName("logSampleRetention").variable("input", input).execute()))
                    .as(refused).isEqualTo("FORBIDDEN");
        }
        assertThat(errorType(anonymous().documentName("logSampleRetention").variable("input", input).execute())).isEqualTo("UNAUTHORIZED");
        assertThat(errorType(as("admin").documentName("logSampleRetention").variable("input", input("999999999", day,
                shanghai(day, 11, 0))).execute())).isEqualTo("NOT_FOUND");
        assertThat(logsOfSite(world.siteA)).isZero();

        assertThat(at(logged(world.operatorStaff, input), "loggedBy")).isEqualTo(world.operatorStaff);
        assertThat(at(logged(world.inspector, input(world.siteB, day, shanghai(day, 11, 0))), "loggedBy")).isEqualTo(world.inspector);
        assertThat(at(logged("admin", input(world.siteA, day.minusDays(1), shanghai(day.minusDays(1), 11, 0))), "loggedBy")).isEqualTo("admin");
    }

    @Test
    void shouldListLogsInTheCallersScopeNewestFirstPageByPageInAFixedNumberOfStatements() {
        stopAt(day, 14, 0);
        String a1 = id(logged(world.operatorStaff, input(world.siteA, day.minusDays(2), shanghai(day.minusDays(2), 11, 0))));
        String b1 = id(logged(world.operatorStaff, input(world.siteB, day.minusDays(1), shanghai(day.minusDays(1), 11, 0))));
        String b2 = id(logged(world.operatorStaff, input(world.siteB, day, shanghai(day, 11, 0))));
        String a2 = id(logged(world.operatorStaff, input(world.siteA, day, shanghai(day, 11, 0))));
        Map<String, Object> window = window(day.minusDays(2), day);

        for (String reader : List.of(world.operatorStaff, world.inspector, world.finance)) {
            assertThat(retentionIds(reader, window, 100)).as(reader).containsExactly(a2, b2, b1, a1);
        }
        window.put("operatorId", world.operatorId);
        for (int size = 1; size <= 4; size++) {
            assertThat(retentionIds("admin", window, size)).isEqualTo(List.of(a2, b2, b1, a1));
        }
        as("admin").documentName("sampleRetentions").variable("filter", window).variable("first", 3).execute()
                .path("sampleRetentions.totalCount").entity(Integer.class).isEqualTo(4)
                .path("sampleRetentions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        assertThat(retentionIds(world.finance, Map.of("from", day.minusDays(2).toString(), "to", day.toString(), "siteId", world.siteA), 100))
                .containsExactly(a2, a1);
        assertThat(retentionIds(world.finance, window(day.minusDays(1), day.minusDays(1)), 100)).containsExactly(b1);
        for (String stranger : List.of(world.otherOperatorStaff, world.otherInspector, world.otherFinance)) {
            assertThat(retentionIds(stranger, window(day.minusDays(2), day), 100)).as(stranger).isEmpty();
        }
        assertThat(errorType(retentions(FoodSafetyWorld.DINER, window(day, day), 10))).isEqualTo("FORBIDDEN");

        // 92 days at once, no more; to before from is malformed
        assertThat(retentionIds(world.finance, window(day.minusDays(91), day), 100)).hasSize(4);
        assertThat(errorType(retentions(world.finance, window(day.minusDays(92), day), 10))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(retentions(world.finance, window(day, day.minusDays(1)), 10))).isEqualTo("BAD_REQUEST");

        // site, dishes and lateness of one log or of four: the same statements
        Map<String, Object> oneDay = window(day.minusDays(2), day.minusDays(2));
        retentions(world.finance, oneDay, 10).path("sampleRetentions.edges").entityList(Object.class).hasSize(1);
        long one = statementsDuring(() -> retentions(world.finance, oneDay, 10).path("sampleRetentions.edges[0].node.dishes")
                .entityList(Object.class).hasSize(2));
        long four = statementsDuring(() -> retentions(world.finance, window(day.minusDays(2), day), 10)
                .path("sampleRetentions.edges[3].node.dishes").entityList(Object.class).hasSize(2));
        assertThat(four).isEqualTo(one);
    }

    // ------------------------------------------------------------------------------- missing logs

    @Test
    void shouldListAServedSlotWithoutALogOnceItIsOverUntilItIsLoggedButNeverASlotWithoutMeals() {
        stopAt(day, 11, 40);
        world.serve(world.siteA, shanghai(day, 11, 30));
        world.serve(world.siteA, shanghai(day, 11, 35));
        Map<String, Object> filter = window(day, day);
        filter.put("operatorId", world.operatorId);

        // still being served: not yet missing; nor at 13:00 sharp, when serving ends
        assertThat(missing("admin", filter)).isEmpty();
        stopAt(day, 13, 0);
        assertThat(missing("admin", filter)).isEmpty();

        stopAt(day, 13, 1);
        List<Map<String, Object>> listed = missing("admin", filter);
        assertThat(listed).hasSize(1);
        assertThat(at(listed.get(0), "site.id")).isEqualTo(world.siteA);
        assertThat(at(listed.get(0), "date")).isEqualTo(day.toString());
        assertThat(at(listed.get(0), "slot")).isEqualTo("LUNCH");
        assertThat(at(listed.get(0), "mealsServed")).isEqualTo(2);
        assertThat(at(listed.get(0), "operator.id")).isEqualTo(world.operatorId);
        long siteA = Long.parseLong(world.siteA);
        long siteB = Long.parseLong(world.siteB);
        assertThat(sampleRetentionService.missingSampleLogs(List.of(siteA, siteB), day.minusDays(1), day.plusDays(1)))
                .containsExactly(new MissingSampleLog(siteA, Long.parseLong(world.operatorId), day, MealSlot.LUNCH, 2));

        // who sees it
        Map<String, Object> ofSiteA = window(day, day);
        ofSiteA.put("siteId", world.siteA);
        for (String reader : List.of(world.operatorStaff, world.inspector, world.finance)) {
            assertThat(missing(reader, window(day, day))).as(reader).hasSize(1);
        }
        for (String stranger : List.of(world.otherOperatorStaff, world.otherInspector, world.otherFinance)) {
            assertThat(missing(stranger, ofSiteA)).as(stranger).isEmpty();
        }
        assertThat(errorType(missingPage(FoodSafetyWorld.DINER, ofSiteA, 10, null))).isEqualTo("FORBIDDEN");

        // the next morning it is still missing; logging it late removes it
        stopAt(day.plusDays(1), 8, 0);
        assertThat(missing(world.inspector, window(day, day.plusDays(1)))).hasSize(1);
        assertThat(at(logged(world.operatorStaff, input(world.siteA, day, shanghai(day, 11, 0))), "loggedLate")).isEqualTo(true);
        assertThat(missing(world.inspector, window(day, day.plusDays(1)))).isEmpty();
        assertThat(sampleRetentionService.missingSampleLogs(List.of(siteA, siteB), day, day.plusDays(1))).isEmpty();
    }

    @Test
    void shouldPageMissingLogsByDateSiteAndSlotFromTwoSetQueries() {
        stopAt(day, 11, 40);
        world.serve(world.siteB, shanghai(day, 11, 30));
        world.serve(world.siteA, shanghai(day, 11, 31));
        stopAt(day.plusDays(1), 11, 40);
        world.serve(world.siteA, shanghai(day.plusDays(1), 11, 30));
        world.serve(world.siteB, shanghai(day.plusDays(1), 11, 31));
        world.serve(world.siteB, shanghai(day.plusDays(1), 11, 32));
        stopAt(day.plusDays(2), 9, 0);
        Map<String, Object> filter = window(day.minusDays(1), day.plusDays(2));
        filter.put("operatorId", world.operatorId);

        List<String> expected = List.of(day + "/" + world.siteA, day + "/" + world.siteB,
                day.plusDays(1) + "/" + world.siteA, day.plusDays(1) + "/" + world.siteB);
        for (int size = 1; size <= 4; size++) {
            List<String> listed = new ArrayList<>();
            missingAll(world.finance, filter, size).forEach(node -> listed.add(node.get("date") + "/" + at(node, "site.id")));
            assertThat(listed).as("pages of %d", size).isEqualTo(expected);
        }
        GraphQlTester.Response first = missingPage(world.finance, filter, 3, null);
        first.path("missingSampleLogs.totalCount").entity(Integer.class).isEqualTo(4)
                .path("missingSampleLogs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("missingSampleLogs.edges[2].node.mealsServed").entity(Integer.class).isEqualTo(1);
        String cursor = first.path("missingSampleLogs.pageInfo.endCursor").entity(String.class).get();
        missingPage(world.finance, filter, 3, cursor)
                .path("missingSampleLogs.edges[*].node.mealsServed").entityList(Integer.class).containsExactly(2)
                .path("missingSampleLogs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("missingSampleLogs.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        assertThat(errorType(missingPage(world.finance, filter, 3, "not-a-cursor"))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(missingPage(world.finance, window(day, day.plusDays(92)), 3, null))).isEqualTo("BAD_REQUEST");

        // the sites' served slots and logged slots are read as two sets: as many statements for one site as for two
        Map<String, Object> oneSite = window(day.minusDays(1), day.plusDays(2));
        oneSite.put("siteId", world.siteA);
        missingPage(world.finance, oneSite, 10, null).path("missingSampleLogs.edges").entityList(Object.class).hasSize(2);
        long forOne = statementsDuring(() -> missingPage(world.finance, oneSite, 10, null)
                .path("missingSampleLogs.edges").entityList(Object.class).hasSize(2));
        long forAll = statementsDuring(() -> missingPage(world.finance, filter, 10, null)
                .path("missingSampleLogs.edges").entityList(Object.class).hasSize(4));
        assertThat(forAll).isEqualTo(forOne);
        assertThat(statementsDuring(() -> assertThat(sampleRetentionService.missingSampleLogs(List.of(), day, day)).isEmpty())).isZero();
    }

    // ------------------------------------------------------------------------------- helpers

    private record Case(String name, Consumer<Map<String, Object>> change, String field) {
    }

    private void stopAt(LocalDate date, int hour, int minute) {
        clock.stopAt(ZonedDateTime.of(date, LocalTime.of(hour, minute), BusinessTime.ZONE).toInstant());
    }

    private static Map<String, Object> input(String site, LocalDate date, String keptAt) {
        return new HashMap<>(Map.of("siteId", site, "date", date.toString(), "slot", "LUNCH", "keptAt", keptAt, "keeper", "王师傅",
                "dishes", List.of(dish("清蒸鱼", 150), dish("米饭", 130))));
    }

    private static Map<String, Object> dish(String name, int grams) {
        return Map.of("name", name, "weightGrams", grams);
    }

    private static Map<String, Object> window(LocalDate from, LocalDate to) {
        return new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> logged(String user, Map<String, Object> input) {
        GraphQlTester.Response response = as(user).documentName("logSampleRetention").variable("input", input).execute();
        response.path("logSampleRetention.userErrors").entityList(Object.class).hasSize(0);
        return response.path("logSampleRetention.sampleRetention").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> userErrors(String user, Map<String, Object> input) {
        GraphQlTester.Response response = as(user).documentName("logSampleRetention").variable("input", input).execute();
        response.path("logSampleRetention.sampleRetention").valueIsNull();
        return (List<Map<String, Object>>) (List<?>) response.path("logSampleRetention.userErrors").entityList(Map.class).get();
    }

    private GraphQlTester.Response retentions(String user, Map<String, Object> filter, int first) {
        return as(user).documentName("sampleRetentions").variable("filter", filter).variable("first", first).execute();
    }

    private List<String> retentionIds(String user, Map<String, Object> filter, int pageSize) {
        return Responses.allNodes(as(user), "sampleRetentions", "sampleRetentions", filter, pageSize).stream()
                .map(node -> (String) node.get("id")).toList();
    }

    private GraphQlTester.Response missingPage(String user, Map<String, Object> filter, int first, String after) {
        return Responses.page(as(user), "missingSampleLogs", filter, first, after);
    }

    private List<Map<String, Object>> missingAll(String user, Map<String, Object> filter, int pageSize) {
        return Responses.allNodes(as(user), "missingSampleLogs", "missingSampleLogs", filter, pageSize);
    }

    private List<Map<String, Object>> missing(String user, Map<String, Object> filter) {
        return missingAll(user, filter, 100);
    }

    private int logsOfSite(String siteId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sample_retention WHERE site_id = ?", Integer.class, Long.valueOf(siteId));
    }

    private static Instant instant(Object dateTime) {
        return OffsetDateTime.parse((String) dateTime).toInstant();
    }

    private static String id(Map<String, Object> node) {
        return (String) node.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
