package org.zhucan.foodsafety;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.today;
import static org.zhucan.testsupport.Responses.at;
import static org.zhucan.testsupport.Responses.errorType;

/**
 * Inspections (食品安全检查): recording them and every rule of the input, the follow-up of one that
 * did not pass (open, overdue, closed by a passing re-inspection), the list's filters and pages,
 * who may record and read them, a list with every nested field in a fixed number of statements,
 * and the tally the operator evaluation reads.
 */
class FoodSafetyInspectionTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InspectionService inspectionService;

    FoodSafetyWorld world;

    @BeforeEach
    void world() {
        world = new FoodSafetyWorld(this::as, jdbc);
    }

    // ------------------------------------------------------------------------------- recording

    @Test
    void shouldRecordAnInspectionWithItsItemsPhotosAndFollowUpDateAndAuditIt() {
        Map<String, Object> input = needsRectification(world.siteA, today(), today().plusDays(7));
        input.put("items", List.of(item("STORAGE", false, "冷藏温度偏高"), item("LICENCES", true, null), item("PEST_CONTROL", true, "  ")));
        input.put("summary", "  冷库温度8℃，限期整改  ");
        input.put("photoUrls", List.of("https://img.example.cn/p/2.jpg", "http://img.example.cn/p/1.jpg"));

        Map<String, Object> recorded = recorded(world.inspector, input);

        assertThat(at(recorded, "site.id")).isEqualTo(world.siteA);
        assertThat(at(recorded, "operator.id")).isEqualTo(world.operatorId);
        assertThat(at(recorded, "inspectedOn")).isEqualTo(today().toString());
        assertThat(at(recorded, "result")).isEqualTo("NEEDS_RECTIFICATION");
        assertThat(at(recorded, "summary")).isEqualTo("冷库温度8℃，限期整改");
        assertThat(recorded.get("items")).isEqualTo(List.of(
                itemView("LICENCES", true, null),
                itemView("STORAGE", false, "冷藏温度偏高"), itemView("PEST_CONTROL", true, null)));
        assertThat(recorded.get("photoUrls")).isEqualTo(List.of("https://img.example.cn/p/2.jpg", "http://img.example.cn/p/1.jpg"));
        assertThat(at(recorded, "followUpDue")).isEqualTo(today().plusDays(7).toString());
        assertThat(at(recorded, "followUpStatus")).isEqualTo("OPEN");
        assertThat(recorded.get("followsUp")).isNull();
        assertThat(at(recorded, "inspector")).isEqualTo(world.inspector);
        assertThat((String) at(recorded, "recordedAt")).endsWith("+08:00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'INSPECTION_RECORDED' AND entity_type = 'Inspection' "
                + "AND entity_id = ? AND actor = ?", Integer.class, recorded.get("id"), world.inspector)).isEqualTo(1);

        // a PASSED inspection by an administrator: nothing to follow up
        Map<String, Object> passed = recorded("admin", passed(world.siteB, today().minusDays(30)));
        assertThat(at(passed, "result")).isEqualTo("PASSED");
        assertThat(at(passed, "followUpDue")).isNull();
        assertThat(at(passed, "followUpStatus")).isEqualTo("NONE");
        assertThat(passed.get("photoUrls")).isEqualTo(List.of());
        assertThat(at(passed, "inspector")).isEqualTo("admin");
    }

    @Test
    void shouldRefuseEachInvalidInspectionAndRecordNothing() {
        LocalDate today = today();
        List<Case> cases = List.of(
                new Case("inspected tomorrow", in -> in.put("inspectedOn", today.plusDays(1).toString()), "INVALID_INPUT", "input.inspectedOn"),
                new Case("inspected 31 days ago", in -> in.put("inspectedOn", today.minusDays(31).toString()), "INVALID_INPUT", "input.inspectedOn"),
                new Case("no items", in -> in.put("items", List.of()), "INVALID_INPUT", "input.items"),
                new Case("an item twice", in -> in.put("items", List.of(item("STORAGE", false, null), item("LICENCES", true, null),
                        item("STORAGE", true, null))), "INVALID_INPUT", "input.items.2.item"),
                new Case("a note of 256 characters", in -> in.put("items", List.of(item("STORAGE", false, "注".repeat(256)))),
                        "INVALID_INPUT", "input.items.0.note"),
                new Case("PASSED with a failed item", in -> {
                    in.put("result", "PASSED");
                    in.remove("followUpDue");
                }, "INVALID_INPUT", "input.result"),
                new Case("a summary of 501 characters", in -> in.put("summary", "检".repeat(501)), "INVALID_INPUT", "input.summary"),
                new Case("ten photos", in -> in.put("photoUrls", java.util.Collections.nCopies(10, "https://img.example.cn/a.jpg")),
                        "INVALID_INPUT", "input.photoUrls"),
                new Case("an ftp photo", in -> in.put("photoUrls", List.of("https://img.example.cn/a.jpg", "ftp://img.example.cn/b.jpg")),
                        "INVALID_INPUT", "input.photoUrls.1"),
                new Case("a photo that is no URL", in -> in.put("photoUrls", List.of("现场照片.jpg")), "INVALID_INPUT", "input.photoUrls.0"),
                new Case("a photo URL of 513 characters", in -> in.put("photoUrls",
                        List.of("https://img.example.cn/" + "a".repeat(513 - "https://img.example.cn/".length()))), "INVALID_INPUT", "input.photoUrls.0"),
                new Case("FAILED without a follow-up date", in -> {
                    in.put("result", "FAILED");
                    in.remove("followUpDue");
                }, "INVALID_INPUT", "input.followUpDue"),
                new Case("PASSED with a follow-up date", in -> {
                    in.put("result", "PASSED");
                    in.put("items", List.of(item("STORAGE", true, null)));
                }, "INVALID_INPUT", "input.followUpDue"),
                new Case("follow-up due the day of the inspection", in -> in.put("followUpDue", today.toString()),
                        "INVALID_DATE_RANGE", "input.followUpDue"),
                new Case("follow-up of an unknown inspection", in -> in.put("followsUpInspectionId", "999999999"),
                        "INVALID_FOLLOW_UP", "input.followsUpInspectionId"));
        for (Case refused : cases) {
            Map<String, Object> input = needsRectification(world.siteA, today, today.plusDays(7));
            refused.change().accept(input);
            List<Map<String, Object>> errors = userErrors(world.inspector, input);
            assertThat(errors).as(refused.name()).isNotEmpty();
            assertThat(at(errors.get(0), "code")).as(refused.name()).isEqualTo(refused.code());
            assertThat(String.join(".", strings(errors.get(0).get("field")))).as(refused.name()).isEqualTo(refused.field());
        }
        assertThat(inspectionsOfSite(world.siteA)).isZero();
        // an admin may just record it
        assertThat(recorded("admin", needsRectification(world.siteA, today, today.plusDays(7))).get("id")).isNotNull();
    }

    @Test
    void shouldTurnAFollowUpOverdueAfterItsDueDateAndCloseItOnlyWithAPassingReinspection() {
        LocalDate today = today();
        Map<String, Object> first = recorded(world.inspector, failed(world.siteA, today, today.plusDays(2)));
        String firstId = (String) first.get("id");
        assertThat(at(first, "followUpStatus")).isEqualTo("OPEN");
        assertThat(status("admin", firstId)).isEqualTo("OPEN");

        // the due date itself is not overdue; the day after is
        stopAt(today.plusDays(2), LocalTime.of(23, 59));
        assertThat(status("admin", firstId)).isEqualTo("OPEN");
        stopAt(today.plusDays(3), LocalTime.of(9, 0));
        assertThat(status(world.operatorStaff, firstId)).isEqualTo("OVERDUE");
        assertThat(idsListed(world.inspector, Map.of("siteId", world.siteA, "followUpOpen", true))).containsExactly(firstId);

        // a re-inspection that still finds problems leaves it overdue, and is open itself
        Map<String, Object> stillBad = needsRectification(world.siteA, today.plusDays(3), today.plusDays(10));
        stillBad.put("followsUpInspectionId", firstId);
        Map<String, Object> second = recorded(world.inspector, stillBad);
        assertThat(at(second, "followsUp.id")).isEqualTo(firstId);
        assertThat(at(second, "followsUp.followUpStatus")).isEqualTo("OVERDUE");
        assertThat(at(second, "followUpStatus")).isEqualTo("OPEN");

        // a passing re-inspection closes it
        Map<String, Object> fine = passed(world.siteA, today.plusDays(3));
        fine.put("followsUpInspectionId", firstId);
        Map<String, Object> third = recorded(world.inspector, fine);
        assertThat(at(third, "followsUp.followUpStatus")).isEqualTo("CLOSED");
        assertThat(at(third, "followUpStatus")).isEqualTo("NONE");
        assertThat(status("admin", firstId)).isEqualTo("CLOSED");
        assertThat(idsListed(world.inspector, Map.of("siteId", world.siteA, "followUpOpen", true))).containsExactly(id(second));
        assertThat(idsListed(world.inspector, Map.of("siteId", world.siteA, "followUpOpen", false)))
                .containsExactlyInAnyOrder(firstId, id(third));
    }

    @Test
    void shouldRefuseAFollowUpOfAnotherSiteALaterDayAPassedOrAClosedInspection() {
        LocalDate today = today();
        String ofSiteB = (String) recorded(world.inspector, failed(world.siteB, today.minusDays(1), today.plusDays(5))).get("id");
        String later = (String) recorded(world.inspector, failed(world.siteA, today, today.plusDays(5))).get("id");
        String passedOne = (String) recorded(world.inspector, passed(world.siteA, today.minusDays(3))).get("id");
        String open = (String) recorded(world.inspector, failed(world.siteA, today.minusDays(3), today.plusDays(5))).get("id");
        Map<String, Object> closing = passed(world.siteA, today.minusDays(2));
        closing.put("followsUpInspectionId", open);
        recorded(world.inspector, closing);

        for (String refused : List.of(ofSiteB, later, passedOne, open)) {
            Map<String, Object> input = passed(world.siteA, today.minusDays(1));
            input.put("followsUpInspectionId", refused);
            List<Map<String, Object>> errors = userErrors(world.inspector, input);
            assertThat(errors).as("follow-up of %s", refused).hasSize(1);
            assertThat(at(errors.get(0), "code")).isEqualTo("INVALID_FOLLOW_UP");
            assertThat(strings(errors.get(0).get("field"))).containsExactly("input", "followsUpInspectionId");
        }
        // the same day is allowed: inspected in the morning, re-inspected in the afternoon
        String morning = (String) recorded(world.inspector, failed(world.siteA, today.minusDays(1), today.plusDays(1))).get("id");
        Map<String, Object> afternoon = passed(world.siteA, today.minusDays(1));
        afternoon.put("followsUpInspectionId", morning);
        assertThat(at(recorded(world.inspector, afternoon), "followsUp.followUpStatus")).isEqualTo("CLOSED");
    }

    // ------------------------------------------------------------------------------- listing

    @Test
    void shouldListInspectionsNewestFirstThroughEveryFilterAndPage() {
        LocalDate today = today();
        String a1 = id(recorded(world.inspector, passed(world.siteA, today.minusDays(10))));
        String a2 = id(recorded(world.inspector, failed(world.siteA, today.minusDays(5), today.minusDays(1))));
        String b1 = id(recorded(world.inspector, needsRectification(world.siteB, today.minusDays(5), today.plusDays(5))));
        String a3 = id(recorded(world.inspector, passed(world.siteA, today)));
        String b2 = id(recorded("admin", passed(world.siteB, today.minusDays(20))));

        Map<String, Object> mine = Map.of("operatorId", world.operatorId);
        // newest first; on the same day the later recorded first
        List<String> all = idsListed(world.finance, mine);
        assertThat(all).containsExactly(a3, b1, a2, a1, b2);
        for (int size = 1; size <= 5; size++) {
            assertThat(idsListed(world.finance, mine, size)).as("pages of %d", size).isEqualTo(all);
        }
        GraphQlTester.Response firstPage = inspections(world.finance, mine, 2, null);
        firstPage.path("inspections.totalCount").entity(Integer.class).isEqualTo(5)
                .path("inspections.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("inspections.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String cursor = firstPage.path("inspections.pageInfo.endCursor").entity(String.class).get();
        inspections(world.finance, mine, 10, cursor)
                .path("inspections.edges[*].node.id").entityList(String.class).containsExactly(a2, a1, b2)
                .path("inspections.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("inspections.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("inspections.totalCount").entity(Integer.class).isEqualTo(5);

        assertThat(idsListed(world.finance, Map.of("siteId", world.siteA))).containsExactly(a3, a2, a1);
        assertThat(idsListed(world.finance, Map.of("operatorId", world.operatorId, "from", today.minusDays(5).toString(),
                "to", today.minusDays(1).toString()))).containsExactly(b1, a2);
        assertThat(idsListed(world.finance, Map.of("operatorId", world.operatorId, "result", "PASSED"))).containsExactly(a3, a1, b2);
        assertThat(idsListed(world.finance, Map.of("operatorId", world.operatorId, "result", "FAILED"))).containsExactly(a2);
        assertThat(idsListed(world.finance, Map.of("operatorId", world.operatorId, "followUpOpen", true))).containsExactly(b1, a2);
        assertThat(idsListed(world.finance, Map.of("operatorId", world.operatorId, "followUpOpen", false))).containsExactly(a3, a1, b2);
        assertThat(idsListed(world.finance, Map.of("operatorId", world.otherOperatorId))).isEmpty();
        inspections(world.finance, Map.of("siteId", world.siteA), 10, null)
                .path("inspections.edges[*].node.followUpStatus").entityList(String.class).containsExactly("NONE", "OVERDUE", "NONE");

        assertThat(errorType(inspections(world.finance, Map.of("from", today.toString(), "to", today.minusDays(1).toString()), 10, null)))
                .isEqualTo("BAD_REQUEST");
        assertThat(errorType(inspections(world.finance, mine, 10, "not-a-cursor"))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(inspections(world.finance, mine, 101, null))).isEqualTo("BAD_REQUEST");
    }

    // ------------------------------------------------------------------------------- who

    @Test
    void shouldLetOnlyInspectorsOfTheSitesRegionAndAdministratorsRecordInspections() {
        Map<String, Object> input = passed(world.siteA, today());
        for (String refused : List.of(world.operatorStaff, world.finance, world.otherInspector, world.otherFinance, world.otherOperatorStaff,
                FoodSafetyWorld.DINER)) {
            assertThat(errorType(as(refused).documentName("recordInspection").variable("input", input).execute()))
                    .as(refused).isEqualTo("FORBIDDEN");
        }
        assertThat(errorType(anonymous().documentName("recordInspection").variable("input", input).execute())).isEqualTo("UNAUTHORIZED");
        Map<String, Object> unknownSite = passed("999999999", today());
        assertThat(errorType(as("admin").documentName("recordInspection").variable("input", unknownSite).execute())).isEqualTo("NOT_FOUND");
        assertThat(inspectionsOfSite(world.siteA)).isZero();
        recorded(world.inspector, input);
        recorded("admin", input);
        assertThat(inspectionsOfSite(world.siteA)).isEqualTo(2);
    }

    @Test
    void shouldShowInspectionsToTheOperatorsStaffAndTheRegionsFinanceAndInspectorsOnly() {
        String id = id(recorded(world.inspector, failed(world.siteA, today(), today().plusDays(3))));
        Map<String, Object> bySite = Map.of("siteId", world.siteA);
        for (String reader : List.of(world.operatorStaff, world.inspector, world.finance, "admin")) {
            assertThat(idsListed(reader, bySite)).as(reader).containsExactly(id);
            as(reader).documentName("inspection").variable("id", id).execute()
                    .path("inspection.id").entity(String.class).isEqualTo(id)
                    .path("inspection.site.id").entity(String.class).isEqualTo(world.siteA);
        }
        for (String stranger : List.of(world.otherOperatorStaff, world.otherInspector, world.otherFinance)) {
            assertThat(idsListed(stranger, bySite)).as(stranger).isEmpty();
            assertThat(idsListed(stranger, Map.of())).as(stranger).doesNotContain(id);
            as(stranger).documentName("inspection").variable("id", id).execute().path("inspection").valueIsNull();
        }
        assertThat(errorType(inspections(FoodSafetyWorld.DINER, bySite, 10, null))).isEqualTo("FORBIDDEN");
        assertThat(errorType(as(FoodSafetyWorld.DINER).documentName("inspection").variable("id", id).execute())).isEqualTo("FORBIDDEN");
        as("admin").documentName("inspection").variable("id", "999999999").execute().path("inspection").valueIsNull();
    }

    // ------------------------------------------------------------------------------- statements

    @Test
    void shouldReadInspectionsWithEveryNestedFieldInTheSameNumberOfStatementsForOneOrMany() {
        LocalDate today = today();
        String first = id(recorded(world.inspector, withPhotos(failed(world.siteA, today.minusDays(6), today.plusDays(9)))));
        Map<String, Object> followUp = withPhotos(passed(world.siteA, today.minusDays(5)));
        followUp.put("followsUpInspectionId", first);
        recorded(world.inspector, followUp);
        readDeep(1);
        long one = statementsDuring(() -> readDeep(1));

        for (int i = 4; i >= 1; i--) {
            String earlier = id(recorded(world.inspector, withPhotos(failed(world.siteB, today.minusDays(i), today.plusDays(9)))));
            Map<String, Object> reinspection = withPhotos(passed(world.siteB, today.minusDays(i)));
            reinspection.put("followsUpInspectionId", earlier);
            recorded(world.inspector, reinspection);
        }
        readDeep(5);
        long five = statementsDuring(() -> readDeep(5));
        assertThat(five).isEqualTo(one);
    }

    /**
     * The passing re-inspections only: the inspections they follow up are then never on the page
     * themselves, so their fields are loaded, not found in the request's batch-loader cache.
     */
    private void readDeep(int expected) {
        GraphQlTester.Response response = as(world.finance).documentName("inspectionsDeep")
                .variable("filter", Map.of("operatorId", world.operatorId, "result", "PASSED")).variable("first", expected).execute();
        response.path("inspections.edges").entityList(Object.class).hasSize(expected);
        String node = "inspections.edges[0].node";
        response.path(node + ".site.name").entity(String.class).isNotEqualTo("")
                .path(node + ".operator.id").entity(String.class).isEqualTo(world.operatorId)
                .path(node + ".items[*].item").entityList(String.class).containsExactly("LICENCES", "STORAGE")
                .path(node + ".photoUrls").entityList(String.class).hasSize(2)
                .path(node + ".followsUp.items[*].item").entityList(String.class).containsExactly("LICENCES", "STORAGE")
                .path(node + ".followsUp.photoUrls").entityList(String.class).hasSize(2)
                .path(node + ".followsUp.followUpStatus").entity(String.class).isEqualTo("CLOSED")
                .path(node + ".followsUp.operator.id").entity(String.class).isEqualTo(world.operatorId);
    }

    // ------------------------------------------------------------------------------- for the evaluation

    @Test
    void shouldTallyInspectionsOfSitesInAPeriodPerOperator() {
        LocalDate today = today();
        recorded(world.inspector, passed(world.siteA, today.minusDays(3)));
        recorded(world.inspector, passed(world.siteB, today.minusDays(2)));
        recorded(world.inspector, failed(world.siteA, today.minusDays(2), today.plusDays(3)));
        recorded(world.inspector, needsRectification(world.siteB, today.minusDays(1), today.plusDays(3)));
        recorded(world.inspector, passed(world.siteA, today.minusDays(20)));
        long siteA = Long.parseLong(world.siteA);
        long siteB = Long.parseLong(world.siteB);
        long operator = Long.parseLong(world.operatorId);

        assertThat(inspectionService.inspectionTallyByOperator(List.of(siteA, siteB), today.minusDays(10), today))
                .isEqualTo(Map.of(operator, new InspectionTally(2, 1, 1)));
        assertThat(inspectionService.inspectionTallyByOperator(List.of(siteA), today.minusDays(2), today.minusDays(1)))
                .isEqualTo(Map.of(operator, new InspectionTally(0, 0, 1)));
        assertThat(inspectionService.inspectionTallyByOperator(List.of(siteA, siteB), today.plusDays(1), today.plusDays(5))).isEmpty();
        assertThat(statementsDuring(() -> assertThat(inspectionService.inspectionTallyByOperator(List.of(), today.minusDays(10), today))
                .isEmpty())).isZero();
    }

    // ------------------------------------------------------------------------------- helpers

    private record Case(String name, Consumer<Map<String, Object>> change, String code, String field) {
    }

    private void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }

    private static Map<String, Object> item(String code, boolean passed, String note) {
        Map<String, Object> item = new HashMap<>(Map.of("item", code, "passed", passed));
        if (note != null) {
            item.put("note", note);
        }
        return item;
    }

    private static Map<String, Object> itemView(String code, boolean passed, String note) {
        Map<String, Object> item = new HashMap<>(Map.of("item", code, "passed", passed));
        item.put("note", note);
        return item;
    }

    private static Map<String, Object> passed(String site, LocalDate on) {
        return new HashMap<>(Map.of("siteId", site, "inspectedOn", on.toString(), "result", "PASSED",
                "items", List.of(item("LICENCES", true, null), item("STORAGE", true, null))));
    }

    private static Map<String, Object> failed(String site, LocalDate on, LocalDate due) {
        return new HashMap<>(Map.of("siteId", site, "inspectedOn", on.toString(), "result", "FAILED", "followUpDue", due.toString(),
                "items", List.of(item("LICENCES", true, null), item("STORAGE", false, "生熟混放"))));
    }

    private static Map<String, Object> needsRectification(String site, LocalDate on, LocalDate due) {
        Map<String, Object> input = failed(site, on, due);
        input.put("result", "NEEDS_RECTIFICATION");
        return input;
    }

    private static Map<String, Object> withPhotos(Map<String, Object> input) {
        input.put("photoUrls", List.of("https://img.example.cn/1.jpg", "https://img.example.cn/2.jpg"));
        return input;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recorded(String user, Map<String, Object> input) {
        GraphQlTester.Response response = as(user).documentName("recordInspection").variable("input", input).execute();
        response.path("recordInspection.userErrors").entityList(Object.class).hasSize(0);
        return response.path("recordInspection.inspection").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> userErrors(String user, Map<String, Object> input) {
        GraphQlTester.Response response = as(user).documentName("recordInspection").variable("input", input).execute();
        response.path("recordInspection.inspection").valueIsNull();
        return (List<Map<String, Object>>) (List<?>) response.path("recordInspection.userErrors").entityList(Map.class).get();
    }

    private String status(String user, String id) {
        return as(user).documentName("inspection").variable("id", id).execute()
                .path("inspection.followUpStatus").entity(String.class).get();
    }

    private GraphQlTester.Response inspections(String user, Map<String, Object> filter, int first, String after) {
        return Responses.page(as(user), "inspections", filter, first, after);
    }

    private List<String> idsListed(String user, Map<String, Object> filter) {
        return idsListed(user, filter, 100);
    }

    private List<String> idsListed(String user, Map<String, Object> filter, int pageSize) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> node : Responses.allNodes(as(user), "inspections", "inspections", filter, pageSize)) {
            ids.add((String) node.get("id"));
        }
        return ids;
    }

    private int inspectionsOfSite(String siteId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inspection WHERE site_id = ?", Integer.class, Long.valueOf(siteId));
    }

    private static String id(Map<String, Object> node) {
        return (String) node.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
