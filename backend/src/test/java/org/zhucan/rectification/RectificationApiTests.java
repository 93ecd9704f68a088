package org.zhucan.rectification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rectification cases (整改): a failed inspection and a frozen low score open them, once per cause; the
 * district's administrators take them step by step, every other step refused; the operator sees its own
 * cases and reports, other operators see nothing; termination ends the contract, which stays on record.
 */
class RectificationApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldOpenCasesOnAFailedInspectionAndAFrozenLowScoreAndTakeThemToTheirEnd() {
        logInDemoAccounts();
        RectificationWorld world = new RectificationWorld(this::as, jdbc);
        String p = world.district.operatorId;

        // a failed inspection opens a case for the operator and the site; its failed re-inspection is the same cause
        String failed = world.inspect(world.district.siteA, "FAILED", null);
        world.inspect(world.district.siteA, "FAILED", failed);
        world.inspect(world.q.siteId(), "PASSED", null);
        Map<String, Object> inspectionCase = onlyCase(world, "admin", Map.of("districtId", world.district.districtId));
        assertThat(inspectionCase).containsEntry("cause", "FAILED_INSPECTION").containsEntry("status", "OPEN")
                .containsEntry("inspectionId", failed);
        assertThat(Responses.at(inspectionCase, "operator.id")).isEqualTo(p);
        assertThat(Responses.at(inspectionCase, "site.id")).isEqualTo(world.district.siteA);

        // the month closes: P scored 0 on inspections, below 60; Q passed (100) and has no case
        LocalDate closedOn = world.month.plusMonths(1).atDay(1);
        clock.stopAt(closedOn.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant());
        world.close(world.district.financeA).path("closeEvaluationMonth.userErrors").entityList(Object.class).hasSize(0);
        List<Map<String, Object>> all = nodes(world.cases("admin", Map.of("districtId", world.district.districtId)));
        assertThat(all).extracting(c -> c.get("cause")).containsExactlyInAnyOrder("FAILED_INSPECTION", "LOW_SCORE");
        Map<String, Object> low = all.stream().filter(c -> c.get("cause").equals("LOW_SCORE")).findFirst().orElseThrow();
        assertThat(low).containsEntry("evaluationMonth", world.month.toString()).containsEntry("score", 0.0).containsEntry("threshold", 60.0);
        assertThat(Responses.at(low, "operator.id")).isEqualTo(p);
        assertThat(low.get("site")).isNull();
        String lowId = (String) low.get("id");
        String inspectionId = (String) inspectionCase.get("id");

        // who sees them: P's staff both, finance of the district both, Q's staff none
        assertThat(nodes(world.cases(world.district.operatorStaff, Map.of()))).hasSize(2);
        assertThat(nodes(world.cases(world.district.financeA, Map.of("districtId", world.district.districtId)))).hasSize(2);
        assertThat(nodes(world.cases(world.q.staff(), Map.of()))).isEmpty();
        as(world.q.staff()).document("query($id: ID!) { rectificationCase(id: $id) { id } }").variable("id", lowId).execute()
                .path("rectificationCase").valueIsNull();

        // who may move them: the district's administrators only
        assertThat(Responses.errorType(world.advance(world.district.operatorStaff, lowId, "WARN", "自查", null, null))).isEqualTo("FORBIDDEN");
        assertThat(Responses.errorType(world.advance(world.district.financeA, lowId, "WARN", "警告", null, null))).isEqualTo("FORBIDDEN");
        assertThat(Responses.errorType(world.advance(world.q.staff(), lowId, "WARN", "警告", null, null))).isEqualTo("NOT_FOUND");

        // the ladder, every skipped rung refused
        LocalDate due = closedOn.plusDays(14);
        assertThat(world.refusal("admin", lowId, "ORDER_RECTIFICATION", "整改", due, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(world.refusal("admin", lowId, "TERMINATE_CONTRACT", "淘汰", null, closedOn.plusDays(30))).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(world.refusal("admin", lowId, "REINSPECTION_PASSED", "复查", null, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(world.refusal("admin", lowId, "WARN", "  ", null, null)).isEqualTo("INVALID_INPUT");
        assertThat(world.refusal("admin", lowId, "WARN", "警告", due, null)).isEqualTo("INVALID_INPUT");
        assertThat(world.step(lowId, "WARN", "考核不达标，书面警告", null, null)).isEqualTo("WARNED");
        assertThat(world.refusal("admin", lowId, "WARN", "再次警告", null, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(world.refusal("admin", lowId, "ORDER_RECTIFICATION", "限期整改", null, null)).isEqualTo("INVALID_DATE_RANGE");
        assertThat(world.refusal("admin", lowId, "ORDER_RECTIFICATION", "限期整改", closedOn, null)).isEqualTo("INVALID_DATE_RANGE");
        // the operator reports only while a rectification is under way
        world.report(world.district.operatorStaff, lowId, "已整改").path("submitRectificationReport.userErrors[0].code").entity(String.class)
                .isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(world.step(lowId, "ORDER_RECTIFICATION", "限期两周整改", due, null)).isEqualTo("RECTIFYING");
        assertThat(world.refusal("admin", lowId, "CLOSE", "结案", null, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        world.report(world.district.operatorStaff, lowId, "已更换检查员、完善贮存记录").path("submitRectificationReport.userErrors")
                .entityList(Object.class).hasSize(0).path("submitRectificationReport.rectificationCase.operatorReport").entity(String.class)
                .isEqualTo("已更换检查员、完善贮存记录");
        assertThat(Responses.errorType(world.report(world.q.staff(), lowId, "不是我们的"))).isEqualTo("NOT_FOUND");
        assertThat(Responses.errorType(world.report("admin", lowId, "代报"))).isEqualTo("FORBIDDEN");

        // overdue is read from the dates: not before the deadline has passed
        assertThat(nodes(world.cases("admin", Map.of("districtId", world.district.districtId, "overdue", true)))).isEmpty();
        LocalDate later = due.plusDays(1);
        clock.stopAt(later.atTime(9, 0).atZone(BusinessTime.ZONE).toInstant());
        List<Map<String, Object>> overdue = nodes(world.cases("admin", Map.of("districtId", world.district.districtId, "overdue", true)));
        assertThat(overdue).extracting(c -> c.get("id")).containsExactly(lowId);
        assertThat(overdue.get(0)).containsEntry("overdue", true);

        // re-inspection fails; termination ends the contract from its last day, never before today
        assertThat(world.step(lowId, "REINSPECTION_FAILED", "复查仍不合格", null, null)).isEqualTo("REINSPECTION_FAILED");
        assertThat(world.refusal("admin", lowId, "TERMINATE_CONTRACT", "终止", null, later.minusDays(1))).isEqualTo("INVALID_DATE_RANGE");
        assertThat(world.refusal("admin", lowId, "TERMINATE_CONTRACT", "终止", null, null)).isEqualTo("INVALID_DATE_RANGE");
        Long contract = jdbc.queryForObject("SELECT id FROM operator_contract WHERE operator_id = ? AND valid_to > ?", Long.class,
                Long.valueOf(p), java.sql.Date.valueOf(later));
        LocalDate lastDay = later.plusDays(30);
        GraphQlTester.Response terminated = world.advance("admin", lowId, "TERMINATE_CONTRACT", "整改不合格，予以淘汰", null, lastDay);
        terminated.path("advanceRectificationCase.userErrors").entityList(Object.class).hasSize(0)
                .path("advanceRectificationCase.rectificationCase.status").entity(String.class).isEqualTo("TERMINATED")
                .path("advanceRectificationCase.rectificationCase.terminatedContractId").entity(String.class).isEqualTo(String.valueOf(contract))
                .path("advanceRectificationCase.rectificationCase.steps[*].kind").entityList(String.class).containsExactly("OPENED",
                        "WARNING_ISSUED", "RECTIFICATION_ORDERED", "REPORT_SUBMITTED", "REINSPECTION_FAILED", "CONTRACT_TERMINATED");
        Map<String, Object> ended = jdbc.queryForMap("SELECT valid_to, end_reason FROM operator_contract WHERE id = ?", contract);
        assertThat(ended.get("valid_to").toString()).isEqualTo(lastDay.toString());
        assertThat((String) ended.get("end_reason")).contains("整改案件 " + lowId).contains("整改不合格，予以淘汰");
        assertThat(world.refusal("admin", lowId, "CLOSE", "结案", null, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'RectificationCase' AND entity_id = ? ORDER BY id",
                String.class, lowId)).containsExactly("RECTIFICATION_CASE_OPENED", "RECTIFICATION_WARNING_ISSUED",
                "RECTIFICATION_RECTIFICATION_ORDERED", "RECTIFICATION_REPORT_SUBMITTED", "RECTIFICATION_REINSPECTION_FAILED",
                "RECTIFICATION_CONTRACT_TERMINATED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'OPERATOR_CONTRACT_ENDED' AND entity_id = ?",
                Integer.class, String.valueOf(contract))).isEqualTo(1);

        // the inspection's case: rectified on a passing re-inspection; a second passing one has nothing to move
        assertThat(world.step(inspectionId, "WARN", "食品安全检查不合格", null, null)).isEqualTo("WARNED");
        assertThat(world.step(inspectionId, "ORDER_RECTIFICATION", "限期整改贮存", later.plusDays(7), null)).isEqualTo("RECTIFYING");
        assertThat(world.step(inspectionId, "REINSPECTION_PASSED", "复查合格", null, null)).isEqualTo("RECTIFIED");
        assertThat(world.refusal("admin", inspectionId, "REINSPECTION_PASSED", "复查合格", null, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(world.refusal("admin", inspectionId, "TERMINATE_CONTRACT", "淘汰", null, lastDay)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
    }

    @Test
    void shouldOpenOneCasePerCauseAndCloseOneWithoutTermination() {
        logInDemoAccounts();
        RectificationWorld world = new RectificationWorld(this::as, jdbc);
        world.inspect(world.district.siteB, "FAILED", null);
        LocalDate closedOn = world.month.plusMonths(1).atDay(1);
        clock.stopAt(closedOn.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant());
        world.close("admin").path("closeEvaluationMonth.userErrors").entityList(Object.class).hasSize(0);
        assertThat(nodes(world.cases("admin", Map.of("districtId", world.district.districtId)))).hasSize(2);

        // running the opening again for the closed month opens nothing
        openAgain(world).path("openRectificationCases.userErrors").entityList(Object.class).hasSize(0)
                .path("openRectificationCases.opened").entityList(Object.class).hasSize(0);
        assertThat(Responses.errorType(as(world.district.financeA).document(OPEN_AGAIN)
                .variable("input", Map.of("districtId", world.district.districtId, "month", world.month.toString())).execute()))
                .isEqualTo("FORBIDDEN");
        // a month not closed has no frozen scores to open cases on
        as("admin").document(OPEN_AGAIN).variable("input", Map.of("districtId", world.district.districtId,
                        "month", world.month.plusMonths(1).toString())).execute()
                .path("openRectificationCases.userErrors[0].code").entity(String.class).isEqualTo("PERIOD_NOT_ENDED");

        // closed without termination, from OPEN or after a failed re-inspection
        List<Map<String, Object>> cases = nodes(world.cases("admin", Map.of("districtId", world.district.districtId)));
        String first = (String) cases.get(0).get("id");
        String second = (String) cases.get(1).get("id");
        // the district's own administrator acts (as a city's would: a region holding the district); another district's sees nothing
        String districtAdmin = world.district.account("ADMIN", null, world.district.districtId);
        String otherDistrict = new org.zhucan.network.NetworkFixtures(as("admin"), jdbc).district("整改他区").districtId();
        String otherAdmin = world.district.account("ADMIN", null, otherDistrict);
        assertThat(Responses.errorType(world.advance(otherAdmin, first, "CLOSE", "越权结案", null, null))).isEqualTo("NOT_FOUND");
        assertThat(nodes(world.cases(otherAdmin, Map.of("districtId", world.district.districtId)))).isEmpty();
        world.advance(districtAdmin, first, "CLOSE", "考核数据有误，撤销", null, null)
                .path("advanceRectificationCase.userErrors").entityList(Object.class).hasSize(0)
                .path("advanceRectificationCase.rectificationCase.status").entity(String.class).isEqualTo("CLOSED");
        assertThat(world.step(second, "WARN", "警告", null, null)).isEqualTo("WARNED");
        assertThat(world.step(second, "ORDER_RECTIFICATION", "整改", closedOn.plusDays(10), null)).isEqualTo("RECTIFYING");
        assertThat(world.step(second, "REINSPECTION_FAILED", "复查不合格", null, null)).isEqualTo("REINSPECTION_FAILED");
        // a second chance: a new deadline after a failed re-inspection
        assertThat(world.step(second, "ORDER_RECTIFICATION", "再限期一周", closedOn.plusDays(7), null)).isEqualTo("RECTIFYING");
        assertThat(world.step(second, "REINSPECTION_FAILED", "复查不合格", null, null)).isEqualTo("REINSPECTION_FAILED");
        assertThat(world.step(second, "CLOSE", "运营方已自行退出", null, null)).isEqualTo("CLOSED");
        assertThat(world.refusal("admin", second, "WARN", "警告", null, null)).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_contract WHERE operator_id = ? AND end_reason IS NOT NULL",
                Integer.class, Long.valueOf(world.district.operatorId))).isZero();
    }

    static final String OPEN_AGAIN = """
            mutation($input: OpenRectificationCasesInput!) { openRectificationCases(input: $input) { opened { id cause } userErrors { code } } }""";

    private GraphQlTester.Response openAgain(RectificationWorld world) {
        return as("admin").document(OPEN_AGAIN)
                .variable("input", Map.of("districtId", world.district.districtId, "month", world.month.toString())).execute();
    }

    private static Map<String, Object> onlyCase(RectificationWorld world, String account, Map<String, Object> filter) {
        List<Map<String, Object>> found = nodes(world.cases(account, filter));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(GraphQlTester.Response response) {
        return ((List<Map<String, Object>>) (List<?>) response.path("rectificationCases.edges[*].node").entityList(Map.class).get());
    }
}
