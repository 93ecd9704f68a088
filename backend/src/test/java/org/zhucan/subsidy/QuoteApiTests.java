package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.HashMap;
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
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies and quoteMeal end to end, in a district made for each test so that the policies it
 * drafts never meet the demo district's.
 */
class QuoteApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    String district;
    String townA;
    String villageA1;
    String villageB1;
    String operatorId;
    String today;

    NetworkFixtures network;
    DinerFixtures diners;

    @BeforeEach
    void freshDistrict() {
        network = new NetworkFixtures(as("admin"), jdbc);
        diners = new DinerFixtures(as("admin"), jdbc);
        today = LocalDate.now(BusinessTime.ZONE).toString();
        String code = network.freshDistrictCode();
        district = network.createRegion(null, code, "测算区", "DISTRICT");
        townA = network.createRegion(district, code.substring(0, 6) + "101000", "甲镇", "TOWN");
        String townB = network.createRegion(district, code.substring(0, 6) + "102000", "乙镇", "TOWN");
        villageA1 = network.createRegion(townA, code.substring(0, 6) + "101201", "甲一村", "VILLAGE");
        villageB1 = network.createRegion(townB, code.substring(0, 6) + "102201", "乙一村", "VILLAGE");
        operatorId = jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = '91410300MA9GCY0B2D'", String.class);
    }

    @Test
    void shouldQuoteTheDemoStyleSplitAndSayWhy() {
        publish(createDemoStylePolicy("2024-01-01"));
        String siteA = site(villageA1);
        String siteB = site(villageB1);
        String eighty = diner(villageA1, LocalDate.now(BusinessTime.ZONE).minusYears(85), List.of());
        String poor = diner(villageA1, LocalDate.now(BusinessTime.ZONE).minusYears(65), List.of("MIN_LIVING"));
        String seventy = diner(villageA1, LocalDate.now(BusinessTime.ZONE).minusYears(70), List.of());

        quote("admin", eighty, siteA, "LUNCH", "12.00")
                .path("quoteMeal.subsidy").entity(String.class).isEqualTo("9.00")
                .path("quoteMeal.dinerPays").entity(String.class).isEqualTo("3.00")
                .path("quoteMeal.shares[*].amount").entityList(String.class).containsExactly("3.00", "3.00", "3.00")
                .path("quoteMeal.policy.version").entity(Integer.class).isEqualTo(1)
                .path("quoteMeal.reasons[0].rule").entity(String.class).isEqualTo("TIER");
        quote("admin", poor, siteA, "LUNCH", "12.00").path("quoteMeal.subsidy").entity(String.class).isEqualTo("11.00");
        quote("admin", seventy, siteA, "LUNCH", "12.00").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00");
        quote("operator", seventy, siteB, "LUNCH", "12.00")
                .path("quoteMeal.subsidy").entity(String.class).isEqualTo("6.00")
                .path("quoteMeal.shares[2].zeroBecause").entity(String.class).satisfies(why -> assertThat(why).contains("home town"))
                .path("quoteMeal.reasons[*].rule").entityList(String.class).contains("OUTSIDE_HOME_TOWN");
        quote("admin", seventy, siteA, "LUNCH", "7.99")
                .path("quoteMeal.subsidy").entity(String.class).isEqualTo("0.00")
                .path("quoteMeal.dinerPays").entity(String.class).isEqualTo("7.99")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).contains("PRICE_BELOW_SUBSIDY_PLUS_FLOOR");
        quote("admin", seventy, siteA, "DINNER", "12.00").path("quoteMeal.reasons[0].rule").entity(String.class).isEqualTo("NO_TIER");
    }

    @Test
    void shouldApplyTheVersionInForceOnTheDateAndTheDinersStatusThatDay() {
        String v1 = createDemoStylePolicy("2024-01-01");
        publish(v1);
        String later = createPolicy("2030-01-01", 500);
        publish(later);
        String site = site(villageA1);
        String diner = diner(villageA1, LocalDate.of(1950, 6, 1), List.of());
        quoteOn("admin", diner, site, today, "12.00").path("quoteMeal.policy.version").entity(Integer.class).isEqualTo(1);
        quoteOn("admin", diner, site, "2030-06-01", "12.00")
                .path("quoteMeal.policy.version").entity(Integer.class).isEqualTo(2)
                .path("quoteMeal.subsidy").entity(String.class).isEqualTo("5.00");
        quoteOn("admin", diner, site, "2023-12-31", "12.00").path("quoteMeal.reasons[0].rule").entity(String.class).satisfies(rule -> assertThat(rule).isIn("NO_POLICY", "DINER_NOT_ACTIVE"));
        as("admin").documentName("dinerChangeStatus")
                .variable("input", Map.of("dinerId", diner, "status", "SUSPENDED", "effectiveOn", today, "reason", "住院")).execute().path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
        quoteOn("admin", diner, site, today, "12.00").path("quoteMeal.reasons[0].rule").entity(String.class).isEqualTo("DINER_NOT_ACTIVE");
    }

    @Test
    void shouldValidatePublishOnceAndLetOnlyAdminsWritePolicies() {
        Map<String, Object> bad = demoStyleInput("2024-01-01");
        bad.put("tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "7.00",
                "shares", List.of(Map.of("source", "CITY", "amount", "3.00"), Map.of("source", "DISTRICT", "amount", "3.00")))));
        as("admin").documentName("createSubsidyPolicy").variable("input", bad).execute()
                .path("createSubsidyPolicy.userErrors[0].code").entity(String.class).isEqualTo("INVALID_POLICY");
        Map<String, Object> wrongRegion = demoStyleInput("2024-01-01");
        wrongRegion.put("districtId", townA);
        as("admin").documentName("createSubsidyPolicy").variable("input", wrongRegion).execute()
                .path("createSubsidyPolicy.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REGION_LEVEL");
        String policy = createDemoStylePolicy("2024-01-01");
        publish(policy);
        as("admin").documentName("subsidyPublishPolicy").variable("input", Map.of("policyId", policy)).execute()
                .path("publishSubsidyPolicy.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_PUBLISHED");
        as("finance").documentName("createSubsidyPolicy").variable("input", demoStyleInput("2024-01-01")).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        as("family").documentName("subsidyPolicyTiers").variable("districtId", district).execute()
                .path("subsidyPolicies[0].status").entity(String.class).isEqualTo("PUBLISHED")
                .path("subsidyPolicies[0].tiers[0].categories").entityList(String.class).hasSize(4);
    }

    @Test
    void shouldQuoteOnlyForDinersTheCallerMayActFor() {
        publish(createDemoStylePolicy("2024-01-01"));
        String site = site(villageA1);
        String diner = diner(villageA1, LocalDate.of(1945, 1, 1), List.of());
        quote("family", diner, site, "LUNCH", "12.00").errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
        Canteens.linkFamily(as("admin"), "family", diner);
        quote("family", diner, site, "LUNCH", "12.00").path("quoteMeal.subsidy").entity(String.class).isEqualTo("9.00");
        quote("inspector", diner, site, "LUNCH", "12.00").errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        // counter staff quote any diner who walks in, but at their own operator's counters only
        quote("operator", diner, site, "LUNCH", "12.00").path("quoteMeal.subsidy").entity(String.class).isEqualTo("9.00");
        String otherOperator = network.createOperator("测算别家公司" + System.nanoTime());
        String otherSite = network.createSite("测算别家点" + System.nanoTime(), "MEAL_POINT", villageA1, otherOperator, null, null);
        quote("operator", diner, otherSite, "LUNCH", "12.00").errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        quote("admin", diner, otherSite, "LUNCH", "12.00").path("quoteMeal.subsidy").entity(String.class).isEqualTo("9.00");
    }

    @Test
    void shouldHaveTheDemoPolicyAndDiners() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        as("finance").documentName("subsidyPolicyTiers").variable("districtId", yibin).execute()
                .path("subsidyPolicies[*].status").entityList(String.class).contains("PUBLISHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner WHERE id_number_masked LIKE '410371%'", Integer.class))
                .isGreaterThanOrEqualTo(300);
        as("family").documentName("diners").variable("first", 100).execute()
                .path("diners.totalCount").entity(Integer.class).satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(2));
    }

    private GraphQlTester.Response quote(String user, String diner, String site, String slot, String price) {
        return as(user).documentName("quoteMeal").variable("dinerId", diner).variable("siteId", site).variable("date", today)
                .variable("slot", slot).variable("price", price).execute();
    }

    private GraphQlTester.Response quoteOn(String user, String diner, String site, String date, String price) {
        return as(user).documentName("quoteMeal").variable("dinerId", diner).variable("siteId", site).variable("date", date)
                .variable("slot", "LUNCH").variable("price", price).execute();
    }

    private String createDemoStylePolicy(String effectiveFrom) {
        return as("admin").documentName("createSubsidyPolicy").variable("input", demoStyleInput(effectiveFrom)).execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
    }

    private String createPolicy(String effectiveFrom, int subsidyFen) {
        Map<String, Object> input = demoStyleInput(effectiveFrom);
        input.put("tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", String.format("%d.%02d", subsidyFen / 100, subsidyFen % 100),
                "shares", List.of(Map.of("source", "CITY", "remainder", true)))));
        return as("admin").documentName("createSubsidyPolicy").variable("input", input).execute()
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
    }

    private Map<String, Object> demoStyleInput(String effectiveFrom) {
        List<Map<String, Object>> shares = List.of(Map.of("source", "CITY", "amount", "3.00"), Map.of("source", "DISTRICT", "amount", "3.00"),
                Map.of("source", "TOWN_OR_STREET", "remainder", true));
        Map<String, Object> input = new HashMap<>(Map.of("districtId", district, "name", "测算政策", "effectiveFrom", effectiveFrom,
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "standardPrice", "12.00"));
        input.put("tiers", List.of(
                Map.of("slots", List.of("LUNCH"), "categories", List.of("EXTREME_POVERTY", "MIN_LIVING", "LOW_INCOME_EDGE", "ENTITLED"),
                        "minAge", 60, "subsidy", "11.00", "shares", shares),
                Map.of("slots", List.of("LUNCH"), "minAge", 80, "subsidy", "9.00", "shares", shares),
                Map.of("slots", List.of("LUNCH"), "minAge", 60, "maxAge", 79, "subsidy", "7.00", "shares", shares)));
        return input;
    }

    private void publish(String policyId) {
        as("admin").documentName("subsidyPublishPolicy").variable("input", Map.of("policyId", policyId))
                .execute().path("publishSubsidyPolicy.policy.status").entity(String.class).isEqualTo("PUBLISHED");
    }

    private String site(String communityId) {
        return network.createSite("测算点" + System.nanoTime(), "MEAL_POINT", communityId, operatorId, null, null);
    }

    private String diner(String communityId, LocalDate birthDate, List<String> categories) {
        return diners.registerActiveSince2020("测算老人", communityId, birthDate, categories, null);
    }
}
