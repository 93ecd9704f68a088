package org.zhucan.eligibility;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.Responses;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications, review and publicity (申请—审核—公示) in a district of their own: a town with a village, its street staff
 * (two, so that one reviews what the other submitted), the district's hotline, a family account linked to the diner,
 * street staff of another town, and the district's finance officer. The day D is today; publicity runs D+1 to D+7
 * (the default seven days), and tests move the clock to days after D (logged in before).
 */
class EligibilityApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EffectService effects;

    DinerFixtures diners;
    String district;
    String village;
    String street;
    String secondStreet;
    String otherStreet;
    String hotline;
    String family;
    String finance;
    String otherAdmin;
    String diner;
    LocalDate today;

    @BeforeEach
    void world() {
        logInDemoAccounts();
        HttpGraphQlTester admin = as("admin");
        diners = new DinerFixtures(admin, jdbc);
        NetworkFixtures network = new NetworkFixtures(admin, jdbc);
        NetworkFixtures.District world = network.district("申请测试");
        district = world.districtId();
        village = world.villageId();
        String town = jdbc.queryForObject("SELECT CAST(parent_id AS CHAR) FROM region WHERE id = ?", String.class, Long.valueOf(village));
        NetworkFixtures.District elsewhere = network.district("申请别处");
        String otherTown = jdbc.queryForObject("SELECT CAST(parent_id AS CHAR) FROM region WHERE id = ?", String.class,
                Long.valueOf(elsewhere.villageId()));
        street = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, town, "申请测试街道");
        secondStreet = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, town, "申请测试街道复核");
        otherStreet = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, otherTown, "别处街道");
        hotline = TestAccounts.loggedIn(this::as, jdbc, "HOTLINE", null, district, "申请测试热线");
        finance = TestAccounts.loggedIn(this::as, jdbc, "FINANCE", null, district, "申请测试财务");
        family = TestAccounts.loggedIn(this::as, jdbc, "DINER", null, null, "申请测试家属");
        otherAdmin = TestAccounts.loggedIn(this::as, jdbc, "ADMIN", null, elsewhere.districtId(), "别处区管理员");
        diner = diners.registerActiveSince2020("王秀兰", village, DinerFixtures.randomBirthDate(1940, 10), List.of("MIN_LIVING"), null);
        admin.documentName("linkFamilyMember").variable("input", Map.of("username", family, "dinerId", diner, "relation", "子女")).execute()
                .path("linkFamilyMember.userErrors").entityList(Object.class).hasSize(0);
        today = DistrictWorld.today();
    }

    // ------------------------------------------------------------------ submit

    @Test
    void shouldLetTheFamilyTheHotlineAndStreetStaffSubmitForTheirDiners() {
        Map<String, Object> byFamily = submitted(family, input(diner, claim("LIVING_ALONE", "独居证明-1"), null));
        assertThat(byFamily).containsEntry("status", "UNDER_REVIEW").containsEntry("channel", "FAMILY").containsEntry("submittedBy", family);
        assertThat((String) byFamily.get("number")).matches("SQ[0-9]{8}");

        Map<String, Object> byHotline = submitted(hotline, input(diner, claim("DISABLED", "残疾证-2"), "RX-0099"));
        assertThat(byHotline).containsEntry("channel", "HOTLINE").containsEntry("callReference", "RX-0099");

        Map<String, Object> byStreet = submitted(street, input(diner, claim("LEFT_BEHIND", "留守证明-3"), null));
        assertThat(byStreet).containsEntry("channel", "STREET");

        // the hotline gives its call reference
        assertThat(errorCodes(submit(hotline, input(diner, claim("DEMENTIA", "失智诊断-4"), null)))).containsExactly("INVALID_INPUT");

        String audit = jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'SUBSIDY_APPLICATION_SUBMITTED' AND entity_id = ?",
                String.class, byHotline.get("id"));
        assertThat(audit).contains("RX-0099").contains("UNDER_REVIEW").doesNotContain("王秀兰");
    }

    @Test
    void shouldRefuseOtherRolesAndDinersOutsideTheCallersScope() {
        String stranger = diners.registerActiveSince2020("李明", village, DinerFixtures.randomBirthDate(1940, 10), List.of(), null);
        assertThat(Responses.errorType(submit(finance, input(diner, claim("LIVING_ALONE", "独居证明"), null)))).isEqualTo("FORBIDDEN");
        assertThat(Responses.errorType(submit("operator", input(diner, claim("LIVING_ALONE", "独居证明"), null)))).isEqualTo("FORBIDDEN");
        // the family acts for its own diner only; street staff of another town do not see this one
        assertThat(Responses.errorType(submit(family, input(stranger, claim("LIVING_ALONE", "独居证明"), null)))).isEqualTo("NOT_FOUND");
        assertThat(Responses.errorType(submit(otherStreet, input(diner, claim("LIVING_ALONE", "独居证明"), null)))).isEqualTo("NOT_FOUND");
        assertThat(Responses.errorType(anonymous().documentName("eligibilitySubmit")
                .variable("input", input(diner, claim("LIVING_ALONE", "独居证明"), null)).execute())).isEqualTo("UNAUTHORIZED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_application WHERE diner_id IN (?, ?)", Integer.class,
                Long.valueOf(diner), Long.valueOf(stranger))).isZero();
        // a diner who died is not applied for
        as("admin").documentName("fixtureChangeDinerStatus").variable("input", Map.of("dinerId", stranger, "status", "DECEASED",
                "effectiveOn", today.toString(), "reason", "病故")).execute().path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
        assertThat(errorCodes(submit("admin", input(stranger, claim("LIVING_ALONE", "独居证明"), null)))).containsExactly("DINER_NOT_ACTIVE");
    }

    @Test
    void shouldRefuseClaimsThatAreEmptyBlankBadlyDatedOrAlreadyHeldOrPending() {
        assertThat(errorCodes(submit(family, Map.of("dinerId", diner, "claims", List.of())))).containsExactly("INVALID_INPUT");
        assertThat(errorCodes(submit(family, input(diner, claim("LIVING_ALONE", "  "), null)))).containsExactly("INVALID_INPUT");
        Map<String, Object> backwards = new HashMap<>(claim("LIVING_ALONE", "独居证明"));
        backwards.put("validTo", "2019-12-31");
        backwards.put("validFrom", "2020-01-01");
        assertThat(errorCodes(submit(family, input(diner, backwards, null)))).containsExactly("INVALID_DATE_RANGE");
        // the diner holds MIN_LIVING with evidence 证明 from 2020-01-01 (DinerFixtures)
        Map<String, Object> held = Map.of("category", "MIN_LIVING", "evidenceRef", "证明", "validFrom", "2020-01-01");
        assertThat(errorCodes(submit(family, input(diner, held, null)))).containsExactly("DUPLICATE_CLAIM");
        // twice in one application, and once more while the first is pending
        Map<String, Object> twice = Map.of("dinerId", diner, "claims", List.of(claim("DISABLED", "残疾证"), claim("DISABLED", "残疾证")));
        assertThat(errorCodes(submit(family, twice))).containsExactly("DUPLICATE_CLAIM");
        submitted(family, input(diner, claim("DISABLED", "残疾证"), null));
        assertThat(errorCodes(submit(street, input(diner, claim("DISABLED", "残疾证"), null)))).containsExactly("DUPLICATE_CLAIM");
        // a different evidence reference is another claim
        submitted(street, input(diner, claim("DISABLED", "残疾证-换发"), null));
    }

    // ------------------------------------------------------------------ review

    @Test
    void shouldApproveIntoAPublicityPeriodFromTheNextDayOnlyByAnotherReviewerInScope() {
        String mine = (String) submitted(street, input(diner, claim("LIVING_ALONE", "独居证明"), null)).get("id");
        assertThat(errorCodes(approve(street, mine, null))).containsExactly("SEPARATION_OF_DUTIES");
        assertThat(Responses.errorType(approve(otherStreet, mine, null))).isEqualTo("NOT_FOUND");
        assertThat(Responses.errorType(approve(hotline, mine, null))).isEqualTo("FORBIDDEN");
        assertThat(Responses.errorType(approve(family, mine, null))).isEqualTo("FORBIDDEN");
        // a district's ADMIN reviews its own district's applications only
        assertThat(Responses.errorType(approve(otherAdmin, mine, null))).isEqualTo("NOT_FOUND");

        Map<String, Object> approved = reviewed(approve(secondStreet, mine, "材料齐全"), "approveSubsidyApplication");
        assertThat(approved).containsEntry("status", "IN_PUBLICITY").containsEntry("reviewedBy", secondStreet)
                .containsEntry("reviewReason", "材料齐全").containsEntry("publicityFrom", today.plusDays(1).toString())
                .containsEntry("publicityTo", today.plusDays(7).toString());
        assertThat(errorCodes(approve("admin", mine, null))).containsExactly("ILLEGAL_STATUS_TRANSITION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SUBSIDY_APPLICATION_APPROVED' AND entity_id = ?",
                Integer.class, mine)).isEqualTo(1);
    }

    @Test
    void shouldRejectOnlyWithAReason() {
        String id = (String) submitted(family, input(diner, claim("ENTITLED", "优抚证"), null)).get("id");
        assertThat(errorCodes(reject(street, id, " "))).containsExactly("INVALID_INPUT");
        Map<String, Object> rejected = reviewed(reject(street, id, "证明已过期"), "rejectSubsidyApplication");
        assertThat(rejected).containsEntry("status", "REJECTED").containsEntry("reviewReason", "证明已过期");
        assertThat(rejected.get("publicityFrom")).isNull();
        Map<String, Object> read = application(family, id);
        assertThat(Responses.at(read, "history")).asList().extracting("kind").containsExactly("SUBMITTED", "REJECTED");
        assertThat((List<?>) read.get("history")).last().asString().contains("证明已过期").contains(street);
        // rejected: the same claim may be made again
        submitted(family, input(diner, claim("ENTITLED", "优抚证"), null));
    }

    // ------------------------------------------------------------------ publicity and objection

    @Test
    void shouldPublishMaskedToAnyoneWithoutPersonalData() {
        String id = approvedApplication("LIVING_ALONE", "独居证明-公示");
        String number = (String) application(street, id).get("number");
        // approved today: published from tomorrow
        assertThat(publicityNumbers()).doesNotContain(number);
        stopAt(today.plusDays(1));
        GraphQlTester.Response response = anonymous().documentName("eligibilityPublicities")
                .variable("filter", Map.of("regionId", district)).variable("first", 50).execute();
        response.errors().verify();
        List<Map<String, Object>> nodes = nodes(response, "currentPublicities");
        Map<String, Object> shown = nodes.stream().filter(node -> number.equals(node.get("applicationNumber"))).findFirst().orElseThrow();
        assertThat(shown).containsEntry("maskedName", "王*兰").containsEntry("categories", List.of("LIVING_ALONE"))
                .containsEntry("publicityFrom", today.plusDays(1).toString()).containsEntry("publicityTo", today.plusDays(7).toString());
        assertThat(Responses.at(shown, "community.id")).isEqualTo(village);
        String body = response.path("currentPublicities").entity(Object.class).get().toString();
        assertThat(body).doesNotContain("王秀兰").doesNotContain("独居证明").doesNotContain("410371").doesNotContain("测试地址");
        // the last day still shows it, the day after no longer
        stopAt(today.plusDays(7));
        assertThat(publicityNumbers()).contains(number);
        stopAt(today.plusDays(8));
        assertThat(publicityNumbers()).doesNotContain(number);
    }

    @Test
    void shouldReopenTheReviewOnAnObjectionAndPublishAgainOnANewApproval() {
        String id = approvedApplication("SPECIAL_FAMILY", "计生特殊家庭证");
        String number = (String) application(street, id).get("number");
        stopAt(today.plusDays(3));
        assertThat(errorCodes(object(anonymous(), number, " ", null))).containsExactly("INVALID_INPUT");
        GraphQlTester.Response objected = object(anonymous(), number, "该老人子女健在，非计生特殊家庭", "138 1234 5678");
        objected.path("objectToSubsidyApplication.userErrors").entityList(Object.class).hasSize(0)
                .path("objectToSubsidyApplication.accepted").entity(Boolean.class).isEqualTo(true);

        Map<String, Object> reopened = application(street, id);
        assertThat(reopened).containsEntry("status", "UNDER_REVIEW");
        assertThat(Responses.at(reopened, "objections")).asList().hasSize(1).first().asString()
                .contains("非计生特殊家庭").contains("138****5678");
        assertThat(Responses.at(reopened, "history")).asList().extracting("kind").containsExactly("SUBMITTED", "APPROVED", "OBJECTED");
        assertThat(Responses.at(application(family, id), "objections")).asList().isEmpty();
        String stored = jdbc.queryForObject("SELECT contact_enc FROM subsidy_application_objection WHERE application_id = ?", String.class,
                Long.valueOf(id));
        assertThat(stored).isNotBlank().doesNotContain("13812345678");
        assertThat(jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'SUBSIDY_APPLICATION_OBJECTED' AND entity_id = ?",
                String.class, id)).contains("非计生特殊家庭").doesNotContain("13812345678");
        assertThat(publicityNumbers()).doesNotContain(number);
        // back in review: a second objection is too late
        assertThat(errorCodes(object(anonymous(), number, "同上", null))).containsExactly("PUBLICITY_CLOSED");
        assertThat(Responses.errorType(object(anonymous(), "SQ99999999", "不存在", null))).isEqualTo("NOT_FOUND");

        // approved again on D+3: a new period, D+4 to D+10
        Map<String, Object> again = reviewed(approve(secondStreet, id, "已核实：属计生特殊家庭"), "approveSubsidyApplication");
        assertThat(again).containsEntry("status", "IN_PUBLICITY").containsEntry("publicityFrom", today.plusDays(4).toString())
                .containsEntry("publicityTo", today.plusDays(10).toString());
        // the old period's end no longer makes it effective (the job may make other tests' applications effective)
        stopAt(today.plusDays(9));
        effects.takeEffectDue();
        assertThat(application(street, id)).containsEntry("status", "IN_PUBLICITY");
        stopAt(today.plusDays(11));
        assertThat(errorCodes(object(anonymous(), number, "期满后异议", null))).containsExactly("PUBLICITY_CLOSED");
    }

    // ------------------------------------------------------------------ effect

    @Test
    void shouldTakeEffectAfterThePeriodGrantingTheCategoriesOnceEvenWhenTheJobRunsConcurrently() throws Exception {
        String id = approvedApplication("LIVING_ALONE", "独居证明-生效");
        String number = (String) application(street, id).get("number");
        stopAt(today.plusDays(7));
        effects.takeEffectDue();
        assertThat(application(street, id)).containsEntry("status", "IN_PUBLICITY");

        stopAt(today.plusDays(8));
        List<String> made = Race.run(6, i -> String.valueOf(effects.takeEffectDue()));
        assertThat(made.stream().mapToInt(Integer::parseInt).sum()).isGreaterThanOrEqualTo(1);
        assertThat(effects.takeEffectDue()).isZero();

        Map<String, Object> effective = application(family, id);
        assertThat(effective).containsEntry("status", "EFFECTIVE");
        assertThat(effective.get("effectiveAt")).isNotNull();
        assertThat(Responses.at(effective, "history")).asList().extracting("kind").containsExactly("SUBMITTED", "APPROVED", "EFFECTIVE");
        List<?> granted = ((List<?>) Responses.at(effective, "diner.categoryHistory")).stream()
                .filter(entry -> "APPLICATION".equals(Responses.at(entry, "source"))).toList();
        assertThat(granted).hasSize(1);
        assertThat(asMap(granted.get(0))).containsEntry("category", "LIVING_ALONE").containsEntry("evidenceRef", "独居证明-生效")
                .containsEntry("sourceRef", number);
        assertThat(Responses.at(effective, "diner.applications")).asList().extracting("number").contains(number);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_application_event WHERE application_id = ? AND event = 'EFFECTIVE'",
                Integer.class, Long.valueOf(id))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SUBSIDY_APPLICATION_EFFECTIVE' AND entity_id = ?",
                Integer.class, id)).isEqualTo(1);
        // granted: claiming it again is a duplicate
        stopAt(today);
        assertThat(errorCodes(submit(family, input(diner, claim("LIVING_ALONE", "独居证明-生效"), null)))).containsExactly("DUPLICATE_CLAIM");
    }

    @Test
    void shouldLapseOpenApplicationsWhenTheDinerDiesAndNeverGrantThem() {
        String inPublicity = approvedApplication("LIVING_ALONE", "独居证明-失效");
        String underReview = (String) submitted(family, input(diner, claim("DISABLED", "残疾证-失效"), null)).get("id");
        as("admin").documentName("fixtureChangeDinerStatus").variable("input", Map.of("dinerId", diner, "status", "DECEASED",
                "effectiveOn", today.toString(), "reason", "病故")).execute().path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);

        for (String id : List.of(inPublicity, underReview)) {
            Map<String, Object> lapsed = application(street, id);
            assertThat(lapsed).containsEntry("status", "LAPSED");
            assertThat(Responses.at(lapsed, "history")).asList().extracting("kind").last().isEqualTo("LAPSED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SUBSIDY_APPLICATION_LAPSED' AND entity_id = ?",
                    Integer.class, id)).isEqualTo(1);
        }
        assertThat(publicityNumbers()).doesNotContain((String) application(street, inPublicity).get("number"));
        // neither reviewed nor granted afterwards
        assertThat(errorCodes(approve(secondStreet, underReview, null))).isNotEmpty();
        stopAt(today.plusDays(8));
        assertThat(effects.takeEffectDue()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner_category WHERE diner_id = ? AND source = 'APPLICATION'", Integer.class,
                Long.valueOf(diner))).isZero();
    }

    // ------------------------------------------------------------------ reads

    @Test
    void shouldListApplicationsWithinScopeAndBatchTheirNestedParts() {
        for (int i = 0; i < 2; i++) {
            submitted(family, input(diner, claim("LIVING_ALONE", "独居证明-列表" + i), null));
        }
        Map<String, Object> filter = Map.of("regionId", district);
        assertThat(nodes(Responses.page(as(street), "eligibilityApplications", filter, 50, null), "subsidyApplications")).hasSize(2);
        assertThat(nodes(Responses.page(as(family), "eligibilityApplications", Map.of("dinerId", diner), 50, null), "subsidyApplications"))
                .hasSize(2);
        assertThat(nodes(Responses.page(as(otherStreet), "eligibilityApplications", filter, 50, null), "subsidyApplications")).isEmpty();
        assertThat(Responses.errorType(Responses.page(as(finance), "eligibilityApplications", filter, 50, null))).isEqualTo("FORBIDDEN");

        long atFew = fewestStatements(() -> Responses.page(as(street), "eligibilityApplications", filter, 50, null).errors().verify(), 0);
        for (int i = 0; i < 4; i++) {
            String other = diners.registerActiveSince2020("张桂英", village, DinerFixtures.randomBirthDate(1940, 10), List.of("DISABLED"), null);
            submitted(hotline, input(other, claim("LIVING_ALONE", "独居证明-多" + i), "RX-" + i));
        }
        assertStatementsDoNotGrow(() -> atFew,
                () -> fewestStatements(() -> Responses.page(as(street), "eligibilityApplications", filter, 50, null).errors().verify(), atFew));
        assertThat(nodes(Responses.page(as(street), "eligibilityApplications", filter, 50, null), "subsidyApplications")).hasSize(6);
    }

    // ------------------------------------------------------------------ helpers

    private String approvedApplication(String category, String evidence) {
        String id = (String) submitted(family, input(diner, claim(category, evidence), null)).get("id");
        reviewed(approve(street, id, null), "approveSubsidyApplication");
        return id;
    }

    private void stopAt(LocalDate day) {
        clock.stopAt(ZonedDateTime.of(day, LocalTime.NOON, BusinessTime.ZONE).toInstant());
    }

    private List<String> publicityNumbers() {
        GraphQlTester.Response response = anonymous().documentName("eligibilityPublicities")
                .variable("filter", Map.of("regionId", district)).variable("first", 100).execute();
        return nodes(response, "currentPublicities").stream().map(node -> (String) node.get("applicationNumber")).toList();
    }

    private static Map<String, Object> claim(String category, String evidence) {
        return Map.of("category", category, "evidenceRef", evidence, "validFrom", "2026-01-01");
    }

    private static Map<String, Object> input(String dinerId, Map<String, Object> claim, String callReference) {
        Map<String, Object> input = new HashMap<>(Map.of("dinerId", dinerId, "claims", List.of(claim), "note", "申请补贴"));
        if (callReference != null) {
            input.put("callReference", callReference);
        }
        return input;
    }

    private GraphQlTester.Response submit(String username, Map<String, Object> input) {
        return as(username).documentName("eligibilitySubmit").variable("input", input).execute();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> submitted(String username, Map<String, Object> input) {
        GraphQlTester.Response response = submit(username, input);
        response.errors().verify();
        response.path("submitSubsidyApplication.userErrors").entityList(Object.class).hasSize(0);
        return response.path("submitSubsidyApplication.application").entity(Map.class).get();
    }

    private GraphQlTester.Response approve(String username, String id, String reason) {
        Map<String, Object> input = new HashMap<>(Map.of("applicationId", id));
        if (reason != null) {
            input.put("reason", reason);
        }
        return as(username).documentName("eligibilityApprove").variable("input", input).execute();
    }

    private GraphQlTester.Response reject(String username, String id, String reason) {
        return as(username).documentName("eligibilityReject").variable("input", Map.of("applicationId", id, "reason", reason)).execute();
    }

    private GraphQlTester.Response object(HttpGraphQlTester tester, String number, String reason, String contact) {
        Map<String, Object> input = new HashMap<>(Map.of("applicationNumber", number, "reason", reason));
        if (contact != null) {
            input.put("contact", contact);
        }
        return tester.documentName("eligibilityObject").variable("input", input).execute();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reviewed(GraphQlTester.Response response, String field) {
        response.errors().verify();
        response.path(field + ".userErrors").entityList(Object.class).hasSize(0);
        return response.path(field + ".application").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> application(String username, String id) {
        GraphQlTester.Response response = as(username).documentName("eligibilityApplication").variable("id", id).execute();
        response.errors().verify();
        return response.path("subsidyApplication").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorCodes(GraphQlTester.Response response) {
        response.errors().verify();
        Map<String, Object> data = response.path("").entity(Map.class).get();
        Map<String, Object> payload = (Map<String, Object>) data.values().iterator().next();
        return ((List<Map<String, Object>>) payload.get("userErrors")).stream().map(error -> (String) error.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(GraphQlTester.Response response, String field) {
        response.errors().verify();
        return ((List<Map<String, Object>>) response.path(field + ".edges").entity(List.class).get()).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }
}
