package org.zhucan.network;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;

/**
 * Operator contracts carry weight (片区运营): no two cover one community on one day, under
 * concurrency too; they are amended and ended with a reason, each change audited; a site goes only to
 * an operator under contract for its community, and a site handed over splits its meals between the
 * two operators' statements by the day they were served.
 */
class OperatorContractApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    NetworkFixtures network;
    String district;
    String village;
    String otherVillage;

    @BeforeEach
    void district() {
        logInDemoAccounts();
        network = new NetworkFixtures(as("admin"), jdbc);
        NetworkFixtures.District fresh = network.district("合同测试");
        district = fresh.districtId();
        village = fresh.villageId();
        String town = String.valueOf(jdbc.queryForObject("SELECT parent_id FROM region WHERE id = ?", Long.class, Long.valueOf(village)));
        String townCode = jdbc.queryForObject("SELECT division_code FROM region WHERE id = ?", String.class, Long.valueOf(town));
        otherVillage = network.createRegion(town, townCode.substring(0, 9) + "299", "合同测试二村", "VILLAGE");
    }

    @Test
    void shouldRefuseTwoContractsCoveringOneCommunityOnOneDay() {
        String first = network.createOperator("合同甲" + System.nanoTime());
        String second = network.createOperator("合同乙" + System.nanoTime());
        LocalDate start = today().minusMonths(6);
        String contract = contractOf(change("assignOperatorContract", Map.of("operatorId", first, "districtId", district,
                "communityIds", List.of(village), "validFrom", start.toString(), "validTo", start.plusMonths(6).minusDays(1).toString())));
        // the same village on a shared day, and the whole district (which holds the village), are refused
        assertError(change("assignOperatorContract", Map.of("operatorId", second, "districtId", district, "communityIds", List.of(village),
                "validFrom", start.plusMonths(5).toString())), "assignOperatorContract", "CONTRACT_OVERLAP");
        assertError(change("assignOperatorContract", Map.of("operatorId", second, "districtId", district,
                "validFrom", start.plusMonths(1).toString())), "assignOperatorContract", "CONTRACT_OVERLAP");
        // another village at once, and the same village from the day after, are not
        contractOf(change("assignOperatorContract", Map.of("operatorId", second, "districtId", district, "communityIds", List.of(otherVillage),
                "validFrom", start.toString())));
        String next = contractOf(change("assignOperatorContract", Map.of("operatorId", second, "districtId", district,
                "communityIds", List.of(village), "validFrom", start.plusMonths(6).toString())));
        // an amendment is held to the same rule; one that keeps clear of the other is made and audited
        assertError(change("amendOperatorContract", Map.of("contractId", contract, "validTo", start.plusMonths(7).toString())),
                "amendOperatorContract", "CONTRACT_OVERLAP");
        change("amendOperatorContract", Map.of("contractId", contract, "validTo", start.plusMonths(4).toString()))
                .path("amendOperatorContract.userErrors").entityList(Object.class).hasSize(0)
                .path("amendOperatorContract.contract.validTo").entity(String.class).isEqualTo(start.plusMonths(4).toString());
        assertThat(audited(contract, "OPERATOR_CONTRACT_AMENDED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_contract WHERE district_id = ?", Integer.class, Long.valueOf(district)))
                .isEqualTo(3);
        // ending: a reason, a last day within the contract
        assertError(change("endOperatorContract", Map.of("contractId", next, "lastDay", today().toString(), "reason", " ")),
                "endOperatorContract", "INVALID_INPUT");
        assertError(change("endOperatorContract", Map.of("contractId", next, "lastDay", start.toString(), "reason", "考核不合格")),
                "endOperatorContract", "INVALID_DATE_RANGE");
        change("endOperatorContract", Map.of("contractId", next, "lastDay", today().toString(), "reason", "考核不合格，予以淘汰"))
                .path("endOperatorContract.userErrors").entityList(Object.class).hasSize(0)
                .path("endOperatorContract.contract.validTo").entity(String.class).isEqualTo(today().toString())
                .path("endOperatorContract.contract.endReason").entity(String.class).isEqualTo("考核不合格，予以淘汰");
        assertThat(audited(next, "OPERATOR_CONTRACT_ENDED")).isEqualTo(1);
        // the village is free from tomorrow
        contractOf(change("assignOperatorContract", Map.of("operatorId", first, "districtId", district, "communityIds", List.of(village),
                "validFrom", today().plusDays(1).toString())));
    }

    @Test
    void shouldAssignASiteOnlyToAnOperatorUnderContractForItsCommunity() {
        String holder = network.createOperator("合同持有" + System.nanoTime());
        String outsider = network.createOperator("无合同" + System.nanoTime());
        contractOf(change("assignOperatorContract", Map.of("operatorId", holder, "districtId", district, "communityIds", List.of(village),
                "validFrom", today().minusYears(1).toString())));
        Map<String, Object> site = new HashMap<>(Map.of("name", "合同点" + System.nanoTime(), "kind", "MEAL_POINT", "communityId", village,
                "operatorId", outsider, "address", "合同路1号"));
        as("admin").documentName("contractSiteChange").operationName("contractCreateSite").variable("input", site).execute()
                .path("createSite.site").valueIsNull()
                .path("createSite.userErrors[0].code").entity(String.class).isEqualTo("NO_CONTRACT");
        // the holder's contract covers the village, not the other one
        site.put("operatorId", holder);
        site.put("communityId", otherVillage);
        as("admin").documentName("contractSiteChange").operationName("contractCreateSite").variable("input", site).execute()
                .path("createSite.userErrors[0].code").entity(String.class).isEqualTo("NO_CONTRACT");
        site.put("communityId", village);
        String id = as("admin").documentName("contractSiteChange").operationName("contractCreateSite").variable("input", site).execute()
                .path("createSite.userErrors").entityList(Object.class).hasSize(0)
                .path("createSite.site.id").entity(String.class).get();
        // handing it to an operator without a contract there is refused and changes nothing
        as("admin").documentName("contractSiteChange").operationName("contractUpdateSite")
                .variable("input", Map.of("siteId", id, "operatorId", outsider)).execute()
                .path("updateSite.userErrors[0].code").entity(String.class).isEqualTo("NO_CONTRACT");
        assertThat(jdbc.queryForObject("SELECT operator_id FROM site WHERE id = ?", Long.class, Long.valueOf(id))).isEqualTo(Long.valueOf(holder));
    }

    @Test
    void shouldSplitAHandedOverSitesMealsBetweenTheTwoOperatorsStatementsByTheDayServed() {
        DistrictWorld world = new DistrictWorld(this::as, jdbc);
        DistrictWorld.Venue successor = world.venue("接手公司");
        LocalDate yesterday = today().minusDays(1);
        HttpGraphQlTester admin = as("admin");
        NetworkFixtures fixtures = new NetworkFixtures(admin, jdbc);
        String site = fixtures.createSite("交接食堂" + System.nanoTime(), "CANTEEN", world.villageId, world.operatorId, null, null);
        fixtures.backdatePlanned(site, today().minusDays(10).toString());
        fixtures.open(site, today().minusDays(9).toString(), today().minusDays(9).toString());
        String fish = Canteens.dish(admin, world.operatorId, "清蒸鱼", "8.00");
        String rice = Canteens.dish(admin, world.operatorId, "米饭", "1.00");
        stopAt(yesterday, LocalTime.of(8, 0));
        Canteens.publishSetMeal(admin, site, yesterday, "LUNCH", fish, rice);
        stopAt(today(), LocalTime.of(8, 0));
        Canteens.publishSetMeal(admin, site, today(), "LUNCH", fish, rice);
        String before = world.diner(List.of());
        String after = world.diner(List.of());
        String late = world.diner(List.of());

        stopAt(today(), LocalTime.of(11, 5));
        String servedBefore = world.serve(site, before, shanghai(today(), 11, 0));
        stopAt(today(), LocalTime.of(11, 30));
        as("admin").documentName("contractSiteChange").operationName("contractUpdateSite")
                .variable("input", Map.of("siteId", site, "operatorId", successor.operatorId())).execute()
                .path("updateSite.userErrors").entityList(Object.class).hasSize(0)
                .path("updateSite.site.operator.id").entity(String.class).isEqualTo(successor.operatorId());
        stopAt(today(), LocalTime.of(12, 5));
        String servedAfter = world.serve(successor.staff(), site, after, shanghai(today(), 12, 0));
        // yesterday's meal uploaded late by the successor's counter is still the first operator's: it ran the site that day
        String uploaded = as(successor.staff()).documentName("contractSiteChange").operationName("contractUpload")
                .variable("input", Map.of("siteId", site, "records", List.of(Map.of("clientRecordId", "handover-" + System.nanoTime(),
                        "slot", "LUNCH", "servedAt", shanghai(yesterday, 12, 0), "dinerId", late,
                        "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "离线补录"),
                        "items", List.of(Map.of("setMealName", "套餐A"))))))
                .execute()
                .path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.results[0].record.id").entity(String.class).get();
        assertThat(operatorOf(servedBefore)).isEqualTo(world.operatorId);
        assertThat(operatorOf(servedAfter)).isEqualTo(successor.operatorId());
        assertThat(operatorOf(uploaded)).isEqualTo(world.operatorId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site_operator_change WHERE site_id = ? AND effective_on = ?", Integer.class,
                Long.valueOf(site), java.sql.Date.valueOf(today()))).isEqualTo(1);

        // this month's statements: the first operator's holds its meals, the successor's its own
        String first = generate(world.financeA, world.operatorId, world.districtId);
        String second = generate(world.financeA, successor.operatorId(), world.districtId);
        assertThat(statementOf(servedBefore)).isEqualTo(first);
        assertThat(statementOf(uploaded)).isEqualTo(first);
        assertThat(statementOf(servedAfter)).isEqualTo(second);
    }

    @Test
    void shouldLetOnlyOneOfManyOverlappingContractsInWhenTwoApplicationInstancesRace() throws Exception {
        List<String> operators = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            operators.add(network.createOperator("抢签" + i + "-" + System.nanoTime()));
        }
        HttpGraphQlTester first = as("admin");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpGraphQlTester other = adminAt(secondPort);
            List<String> outcomes = Race.run(operators.size(), i -> {
                GraphQlTester.Response response = (i % 2 == 0 ? first : other).documentName("contractChanges")
                        .operationName("assignOperatorContract")
                        .variable("input", Map.of("operatorId", operators.get(i), "districtId", district, "communityIds", List.of(village),
                                "validFrom", today().minusDays(i).toString()))
                        .execute();
                List<Object> errors = response.path("assignOperatorContract.userErrors[*].code").entityList(Object.class).get();
                return errors.isEmpty() ? "assigned" : String.valueOf(errors.get(0));
            });
            assertThat(outcomes).filteredOn("assigned"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.equals("assigned")).containsOnly("CONTRACT_OVERLAP");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_contract WHERE district_id = ?", Integer.class, Long.valueOf(district)))
                .isEqualTo(1);
    }

    private GraphQlTester.Response change(String operation, Map<String, Object> input) {
        return as("admin").documentName("contractChanges").operationName(operation).variable("input", input).execute();
    }

    private static String contractOf(GraphQlTester.Response response) {
        return response.path("assignOperatorContract.userErrors").entityList(Object.class).hasSize(0)
                .path("assignOperatorContract.contract.id").entity(String.class).get();
    }

    private static void assertError(GraphQlTester.Response response, String operation, String code) {
        response.path(operation + ".contract").valueIsNull()
                .path(operation + ".userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private int audited(String contract, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'OperatorContract' AND entity_id = ? AND action = ?",
                Integer.class, contract, action);
    }

    private String operatorOf(String record) {
        return String.valueOf(jdbc.queryForObject("SELECT operator_id FROM meal_record WHERE id = ?", Long.class, Long.valueOf(record)));
    }

    private String statementOf(String record) {
        return String.valueOf(jdbc.queryForObject("SELECT statement_id FROM settlement_record WHERE meal_record_id = ?", Long.class,
                Long.valueOf(record)));
    }

    private String generate(String user, String operator, String districtId) {
        return as(user).documentName("contractSiteChange").operationName("contractGenerateSettlement")
                .variable("input", Map.of("operatorId", operator, "districtId", districtId,
                        "periodStart", today().withDayOfMonth(1).toString(),
                        "periodEnd", today().withDayOfMonth(today().lengthOfMonth()).toString()))
                .execute()
                .path("generateSettlement.userErrors").entityList(Object.class).hasSize(0)
                .path("generateSettlement.statement.id").entity(String.class).get();
    }

    private HttpGraphQlTester adminAt(int otherPort) {
        HttpGraphQlTester anonymous = TestClients.graphQl("http://localhost:" + otherPort);
        String token = anonymous.documentName("login").variable("username", "admin").variable("password", DEMO_PASSWORD).execute()
                .path("login.token").entity(String.class).get();
        return anonymous.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }
}
