package org.zhucan.rectification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.DistrictWorld;

/**
 * A district of its own with operator P (canteens A and B, under contract) and operator Q (one canteen), an
 * inspector of the district, and this month's evaluation weighing inspections only: P fails one and scores 0,
 * Q is never inspected and has no score. Steps go through the API as the people concerned take them.
 */
final class RectificationWorld {

    static final String CASE_FIELDS = """
            id status cause score threshold evaluationMonth rectificationDue overdue operatorReport terminatedContractId inspectionId
            operator { id } site { id } district { id } steps { kind statusBefore statusAfter note due actor actedAt }""";

    final DistrictWorld district;
    final DistrictWorld.Venue q;
    final String inspector;
    final YearMonth month = YearMonth.from(DistrictWorld.today());

    private final Function<String, HttpGraphQlTester> as;

    RectificationWorld(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc) {
        this.as = as;
        district = new DistrictWorld(as, jdbc);
        q = district.venue("整改测试餐饮公司");
        inspector = district.account("INSPECTOR", null, district.districtId);
        as.apply("admin").documentName("evaluationSetWeights")
                .variable("input", Map.of("districtId", district.districtId, "effectiveMonth", month.toString(), "operatingRate", 0,
                        "satisfaction", 0, "inspection", 100, "flags", 0, "noShow", 0)).execute()
                .path("setEvaluationWeights.userErrors").entityList(Object.class).hasSize(0);
    }

    /** Records an inspection of the site today by the district's inspector; returns its id. */
    String inspect(String site, String result, String followsUp) {
        Map<String, Object> input = new HashMap<>(Map.of("siteId", site, "inspectedOn", DistrictWorld.today().toString(), "result", result,
                "items", List.of(Map.of("item", "STORAGE", "passed", result.equals("PASSED")))));
        if (!result.equals("PASSED")) {
            input.put("followUpDue", DistrictWorld.today().plusDays(7).toString());
        }
        if (followsUp != null) {
            input.put("followsUpInspectionId", followsUp);
        }
        return as.apply(inspector).document("""
                        mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { inspection { id } userErrors { code message } } }""")
                .variable("input", input).execute()
                .path("recordInspection.userErrors").entityList(Object.class).hasSize(0)
                .path("recordInspection.inspection.id").entity(String.class).get();
    }

    GraphQlTester.Response close(String account) {
        return as.apply(account).document("""
                        mutation($input: CloseEvaluationMonthInput!) { closeEvaluationMonth(input: $input) { ranking { closedAt } userErrors { code } } }""")
                .variable("input", Map.of("districtId", district.districtId, "month", month.toString())).execute();
    }

    GraphQlTester.Response cases(String account, Map<String, Object> filter) {
        return as.apply(account).document("query($filter: RectificationCaseFilter) { rectificationCases(filter: $filter, first: 50) {"
                        + " totalCount edges { node { " + CASE_FIELDS + " } } } }")
                .variable("filter", filter).execute();
    }

    GraphQlTester.Response advance(String account, String caseId, String action, String note, LocalDate due, LocalDate lastDay) {
        Map<String, Object> input = new HashMap<>(Map.of("caseId", caseId, "action", action, "note", note));
        if (due != null) {
            input.put("rectificationDue", due.toString());
        }
        if (lastDay != null) {
            input.put("contractLastDay", lastDay.toString());
        }
        return as.apply(account).document("mutation($input: AdvanceRectificationCaseInput!) { advanceRectificationCase(input: $input) {"
                        + " rectificationCase { " + CASE_FIELDS + " } userErrors { code field message } } }")
                .variable("input", input).execute();
    }

    GraphQlTester.Response report(String account, String caseId, String report) {
        return as.apply(account).document("mutation($input: SubmitRectificationReportInput!) { submitRectificationReport(input: $input) {"
                        + " rectificationCase { status operatorReport steps { kind } } userErrors { code message } } }")
                .variable("input", Map.of("caseId", caseId, "report", report)).execute();
    }

    /** Advances and expects no user error; returns the case's status after. */
    String step(String caseId, String action, String note, LocalDate due, LocalDate lastDay) {
        return advance("admin", caseId, action, note, due, lastDay)
                .path("advanceRectificationCase.userErrors").entityList(Object.class).hasSize(0)
                .path("advanceRectificationCase.rectificationCase.status").entity(String.class).get();
    }

    /** The user error code a step is refused with. */
    String refusal(String account, String caseId, String action, String note, LocalDate due, LocalDate lastDay) {
        return advance(account, caseId, action, note, due, lastDay)
                .path("advanceRectificationCase.rectificationCase").valueIsNull()
                .path("advanceRectificationCase.userErrors[0].code").entity(String.class).get();
    }
}
