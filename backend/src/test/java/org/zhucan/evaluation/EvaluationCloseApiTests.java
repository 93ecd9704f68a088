package org.zhucan.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.evaluation.QualityWorld.today;
import static org.zhucan.evaluation.QualityWorld.todayAt;

/**
 * A month's evaluation is frozen when the month is closed (考核月结): a record of the month added
 * late no longer moves its scores; it closes once, only when over, by finance staff or ADMIN.
 */
class EvaluationCloseApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldFreezeAClosedMonthsRankingAgainstLateRecords() {
        logInDemoAccounts();
        QualityWorld world = new QualityWorld(this::as, jdbc);
        DistrictWorld district = world.district;
        String diner = district.diner(List.of());
        clock.stopAt(todayAt(11, 45).toInstant());
        district.serve(district.siteA, diner, DistrictWorld.shanghai(today(), 11, 30));
        YearMonth month = YearMonth.from(today());
        world.setWeights(month.toString(), 20, 20, 20, 20, 20);

        // still this month: it cannot be closed yet
        close(district.financeA, district.districtId, month).path("closeEvaluationMonth.userErrors[0].code").entity(String.class)
                .isEqualTo("PERIOD_NOT_ENDED");
        LocalDate nextMonth = month.plusMonths(1).atDay(1);
        clock.stopAt(nextMonth.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant());
        // an operator's staff does not close it
        close(district.operatorStaff, district.districtId, month).errors().expect(error -> "FORBIDDEN".equals(
                String.valueOf(error.getExtensions().get("classification")))).verify();
        GraphQlTester.Response closed = close(district.financeA, district.districtId, month);
        closed.path("closeEvaluationMonth.userErrors").entityList(Object.class).hasSize(0)
                .path("closeEvaluationMonth.ranking.closedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank())
                .path("closeEvaluationMonth.ranking.operatorCount").entity(Integer.class).isEqualTo(2);
        Double frozenScore = scoreOf(closed, "closeEvaluationMonth.ranking", district.operatorId);
        assertThat(frozenScore).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATION_MONTH_CLOSED' AND entity_id = ?",
                Integer.class, district.districtId + "/" + month)).isEqualTo(1);

        // a failed inspection of that month recorded late: the frozen ranking does not move
        jdbc.update("INSERT INTO inspection (site_id, operator_id, inspected_on, result, summary, follow_up_due, inspector, recorded_at) "
                        + "VALUES (?, ?, ?, 'FAILED', '补录：上月不合格', ?, 'late', UTC_TIMESTAMP(6))", Long.valueOf(district.siteA),
                Long.valueOf(district.operatorId), java.sql.Date.valueOf(today()), java.sql.Date.valueOf(nextMonth.plusDays(14)));
        GraphQlTester.Response after = ranking(district.financeA, district.districtId, month);
        after.path("operatorEvaluations.closedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        assertThat(scoreOf(after, "operatorEvaluations", district.operatorId)).isEqualTo(frozenScore);
        close(district.financeA, district.districtId, month).path("closeEvaluationMonth.userErrors[0].code").entity(String.class)
                .isEqualTo("EVALUATION_CLOSED");

        // what held it was the freeze: without it, the late inspection scores
        jdbc.update("DELETE FROM frozen_evaluation WHERE district_id = ?", Long.valueOf(district.districtId));
        jdbc.update("DELETE FROM evaluation_close WHERE district_id = ?", Long.valueOf(district.districtId));
        GraphQlTester.Response live = ranking(district.financeA, district.districtId, month);
        live.path("operatorEvaluations.closedAt").valueIsNull();
        assertThat(scoreOf(live, "operatorEvaluations", district.operatorId)).isLessThan(frozenScore);
    }

    private GraphQlTester.Response close(String account, String districtId, YearMonth month) {
        return as(account).documentName("closeEvaluationMonth").operationName("closeEvaluationMonth")
                .variable("input", Map.of("districtId", districtId, "month", month.toString())).execute();
    }

    private GraphQlTester.Response ranking(String account, String districtId, YearMonth month) {
        return as(account).documentName("closeEvaluationMonth").operationName("frozenEvaluations")
                .variable("district", districtId).variable("month", month.toString()).execute();
    }

    @SuppressWarnings("unchecked")
    private static Double scoreOf(GraphQlTester.Response response, String path, String operatorId) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) (List<?>) response.path(path + ".evaluations").entityList(Map.class).get();
        return rows.stream().filter(row -> operatorId.equals(((Map<String, Object>) row.get("operator")).get("id")))
                .map(row -> row.get("score") == null ? null : ((Number) row.get("score")).doubleValue()).findFirst().orElseThrow();
    }
}
