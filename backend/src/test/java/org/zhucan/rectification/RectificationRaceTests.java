package org.zhucan.rectification;

import java.time.LocalDate;
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
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances opening the cases of one closed month at once open one case per cause (the
 * unique cause key decides), and two administrators warning one case at once warn it once (the case row is
 * locked and its status checked): the other is told the step no longer fits.
 */
class RectificationRaceTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldOpenOneCasePerCauseAndTakeOneStepOnceWhenTwoInstancesRace() throws Exception {
        logInDemoAccounts();
        String token = login("admin", DEMO_PASSWORD);
        RectificationWorld world = new RectificationWorld(this::as, jdbc);
        world.inspect(world.district.siteA, "FAILED", null);
        LocalDate closedOn = world.month.plusMonths(1).atDay(1);
        java.time.Instant at = closedOn.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant();
        clock.stopAt(at);
        world.close("admin").path("closeEvaluationMonth.userErrors").entityList(Object.class).hasSize(0);
        // as if the month had been closed before cases existed: its low score has no case yet
        Long district = Long.valueOf(world.district.districtId);
        jdbc.update("DELETE s FROM rectification_step s JOIN rectification_case c ON c.id = s.case_id WHERE c.district_id = ? AND c.cause = 'LOW_SCORE'",
                district);
        jdbc.update("DELETE FROM rectification_case WHERE district_id = ? AND cause = 'LOW_SCORE'", district);

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            second.getBean(TestClock.class).stopAt(at);
            List<HttpGraphQlTester> instances = List.of(admin("http://localhost:" + port, token), admin("http://localhost:" + secondPort, token));

            List<String> opened = Race.run(4, i -> instances.get(i % 2).document(RectificationApiTests.OPEN_AGAIN)
                    .variable("input", Map.of("districtId", world.district.districtId, "month", world.month.toString())).execute()
                    .path("openRectificationCases").entity(Map.class).get().toString());
            assertThat(opened).filteredOn(outcome -> outcome.contains("LOW_SCORE")).hasSize(1);
            assertThat(opened).allSatisfy(outcome -> assertThat(outcome).contains("userErrors=[]"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rectification_case WHERE district_id = ? AND cause = 'LOW_SCORE'", Integer.class,
                    district)).isEqualTo(1);

            String caseId = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM rectification_case WHERE district_id = ? AND cause = 'LOW_SCORE'",
                    String.class, district);
            List<String> warned = Race.run(2, i -> instances.get(i).document("""
                            mutation($input: AdvanceRectificationCaseInput!) { advanceRectificationCase(input: $input) {
                              rectificationCase { status } userErrors { code } } }""")
                    .variable("input", Map.of("caseId", caseId, "action", "WARN", "note", "警告 " + i)).execute()
                    .path("advanceRectificationCase").entity(Map.class).get().toString());
            assertThat(warned).filteredOn(outcome -> outcome.contains("WARNED")).hasSize(1);
            assertThat(warned).filteredOn(outcome -> outcome.contains("ILLEGAL_STATUS_TRANSITION")).hasSize(1);
        } finally {
            clock.stopAt(at);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rectification_step s JOIN rectification_case c ON c.id = s.case_id "
                + "WHERE c.district_id = ? AND c.cause = 'LOW_SCORE' AND s.kind = 'WARNING_ISSUED'", Integer.class, district)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rectification_step s JOIN rectification_case c ON c.id = s.case_id "
                + "WHERE c.district_id = ? AND c.cause = 'LOW_SCORE' AND s.kind = 'OPENED'", Integer.class, district)).isEqualTo(1);
    }

    private static HttpGraphQlTester admin(String baseUrl, String token) {
        return TestClients.graphQl(baseUrl).mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
