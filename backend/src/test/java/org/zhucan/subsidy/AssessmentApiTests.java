package org.zhucan.subsidy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assessments that matter (能力评估与供给挂钩), end to end in a district made for each test, on fixed
 * dates long past (no calendar): a policy from 2020 (reassessment after 6 months, 30 days' grace)
 * whose 失能 tier of 10.00 needs ability level 3 for DISABLED diners, over 7.00 for everyone aged 60
 * and over; a second version from 2022 reassesses yearly with 10 days' grace. Street staff of town A.
 */
class AssessmentApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    String district;
    String townA;
    String townB;
    String villageA1;
    String villageB1;
    String site;
    String streetA;
    String streetB;

    NetworkFixtures network;
    DinerFixtures diners;

    @BeforeEach
    void freshDistrict() {
        network = new NetworkFixtures(as("admin"), jdbc);
        diners = new DinerFixtures(as("admin"), jdbc);
        String code = network.freshDistrictCode();
        district = network.createRegion(null, code, "评估区", "DISTRICT");
        townA = network.createRegion(district, code.substring(0, 6) + "101000", "评估甲街道", "SUBDISTRICT");
        townB = network.createRegion(district, code.substring(0, 6) + "102000", "评估乙镇", "TOWN");
        villageA1 = network.createRegion(townA, code.substring(0, 6) + "101001", "评估甲一社区", "COMMUNITY");
        villageB1 = network.createRegion(townB, code.substring(0, 6) + "102201", "评估乙一村", "VILLAGE");
        String operator = jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = '91410300MA9GCY0B2D'", String.class);
        site = network.createSite("评估点" + System.nanoTime(), "MEAL_POINT", villageA1, operator, null, null);
        publish(policy("2020-01-01", 6, 30));
        publish(policy("2022-01-01", 12, 10));
        streetA = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, townA, "评估甲街道工作人员");
        streetB = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, townB, "评估乙镇工作人员");
    }

    @Test
    void shouldApplyTheAbilityTierWhileTheAssessmentCountsAndSayWhyNot() {
        String disabled = diner(villageA1, "DISABLED");
        record("admin", disabled, 4, "2021-01-10").path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0);
        quote(disabled, "2021-03-01").path("quoteMeal.subsidy").entity(String.class).isEqualTo("10.00")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).containsExactly("TIER");
        // due on 2021-07-10; the 30 days' grace end on 2021-08-09
        quote(disabled, "2021-08-09").path("quoteMeal.subsidy").entity(String.class).isEqualTo("10.00")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).containsExactly("TIER", "ASSESSMENT_IN_GRACE");
        quote(disabled, "2021-08-10").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).containsExactly("ASSESSMENT_EXPIRED", "TIER")
                .path("quoteMeal.reasons[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).startsWith("The assessment of 2021-01-10 expired on 2021-08-09 (due 2021-07-10 + 30 days grace)"));
        // a reassessment renews it; one dated after the meal does not count for the meal
        record("admin", disabled, 3, "2021-09-01").path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0);
        quote(disabled, "2021-09-01").path("quoteMeal.subsidy").entity(String.class).isEqualTo("10.00");
        quote(disabled, "2021-08-31").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00");
    }

    @Test
    void shouldTakeTheOtherTierWhenTheLevelIsTooLowOrNeverAssessed() {
        String low = diner(villageA1, "DISABLED");
        record("admin", low, 2, "2021-01-10").path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0);
        quote(low, "2021-03-01").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).containsExactly("ABILITY_LEVEL_TOO_LOW", "TIER");
        String never = diner(villageA1, "DISABLED");
        quote(never, "2021-03-01").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).containsExactly("NO_ASSESSMENT", "TIER");
        // a level-4 assessment of a diner who does not hold DISABLED does not open the 失能 tier
        String notDisabled = diner(villageA1, null);
        record("admin", notDisabled, 4, "2021-01-10").path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0);
        quote(notDisabled, "2021-03-01").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00")
                .path("quoteMeal.reasons[*].rule").entityList(String.class).containsExactly("TIER");
    }

    @Test
    void shouldDateTheReassessmentByThePolicyInForceWhenAssessed() {
        String diner = diner(villageA1, "DISABLED");
        record("admin", diner, 3, "2019-06-01");
        record("admin", diner, 3, "2021-01-31");
        record("admin", diner, 4, "2022-03-01");
        as("admin").documentName("assessmentDinerDue").variable("id", diner).execute()
                .path("diner.assessments[*].assessedOn").entityList(String.class).containsExactly("2022-03-01", "2021-01-31", "2019-06-01")
                // the 2022 version: a year, 10 days' grace; the 2020 one: six months (31 January + 6 months is the end of July), 30 days;
                // before any policy, the default six months and 30 days
                .path("diner.assessments[*].dueOn").entityList(String.class).containsExactly("2023-03-01", "2021-07-31", "2019-12-01")
                .path("diner.assessments[*].graceEndsOn").entityList(String.class).containsExactly("2023-03-11", "2021-08-30", "2019-12-31");
        quote(diner, "2023-03-11").path("quoteMeal.subsidy").entity(String.class).isEqualTo("10.00");
        quote(diner, "2023-03-12").path("quoteMeal.subsidy").entity(String.class).isEqualTo("7.00");
    }

    @Test
    void shouldListTheStreetsDueDinersForItsStaffAndAdminsOnly() {
        String overdue = diner(villageA1, null);
        record(streetA, overdue, 1, "2021-01-10").path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0);
        String fresh = diner(villageA1, "DISABLED");
        record(streetA, fresh, 3, "2021-06-01");
        String neverButNeeds = diner(villageA1, "DISABLED");
        diner(villageA1, "LIVING_ALONE");
        String otherStreet = diner(villageB1, null);
        record("admin", otherStreet, 2, "2020-12-01");

        due(streetA, townA, "2021-08-01", 10)
                .path("assessmentsDue.totalCount").entity(Integer.class).isEqualTo(2)
                .path("assessmentsDue.edges[*].node.diner.id").entityList(String.class).containsExactly(neverButNeeds, overdue)
                .path("assessmentsDue.edges[0].node.reason").entity(String.class).isEqualTo("NEVER_ASSESSED")
                .path("assessmentsDue.edges[0].node.dueOn").valueIsNull()
                .path("assessmentsDue.edges[1].node.reason").entity(String.class).isEqualTo("REASSESSMENT_DUE")
                .path("assessmentsDue.edges[1].node.dueOn").entity(String.class).isEqualTo("2021-07-10")
                .path("assessmentsDue.edges[1].node.graceEndsOn").entity(String.class).isEqualTo("2021-08-09")
                .path("assessmentsDue.edges[1].node.daysOverdue").entity(Integer.class).isEqualTo(22)
                .path("assessmentsDue.edges[1].node.latestAssessment.level").entity(Integer.class).isEqualTo(1);
        // the fresh one falls due on 2021-12-01
        due(streetA, townA, "2021-12-01", 10).path("assessmentsDue.edges[*].node.diner.id").entityList(String.class)
                .containsExactly(neverButNeeds, overdue, fresh);
        // a page at a time
        String cursor = due(streetA, townA, "2021-12-01", 1)
                .path("assessmentsDue.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("assessmentsDue.edges[*].node.diner.id").entityList(String.class).containsExactly(neverButNeeds)
                .path("assessmentsDue.pageInfo.endCursor").entity(String.class).get();
        as(streetA).documentName("assessmentsDue").variable("regionId", townA).variable("on", "2021-12-01").variable("first", 5)
                .variable("after", cursor).execute()
                .path("assessmentsDue.edges[*].node.diner.id").entityList(String.class).containsExactly(overdue, fresh);
        // the district's administrator sees both streets; the other street's staff theirs only
        due("admin", district, "2021-08-01", 10).path("assessmentsDue.edges[*].node.diner.id").entityList(String.class)
                .containsExactly(neverButNeeds, otherStreet, overdue);
        due(streetB, townB, "2021-08-01", 10).path("assessmentsDue.edges[*].node.diner.id").entityList(String.class).containsExactly(otherStreet);
        for (String[] refused : List.of(new String[] {streetB, townA}, new String[] {streetA, district}, new String[] {"finance", townA},
                new String[] {"operator", townA}, new String[] {"family", townA})) {
            due(refused[0], refused[1], "2021-08-01", 10).errors()
                    .satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
    }

    @Test
    void shouldLetStreetStaffAssessTheirOwnStreetsDinersOnly() {
        String own = diner(villageA1, "DISABLED");
        String other = diner(villageB1, "DISABLED");
        record(streetA, own, 3, "2021-01-10")
                .path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0)
                .path("recordAbilityAssessment.diner.assessments[0].dueOn").entity(String.class).isEqualTo("2021-07-10");
        record(streetA, other, 3, "2021-01-10").errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        record(streetA, own, 5, "2021-01-10").path("recordAbilityAssessment.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "level");
        record("finance", own, 3, "2021-01-10").errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ability_assessment WHERE diner_id IN (?, ?)", Integer.class,
                Long.valueOf(own), Long.valueOf(other))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT recorded_by FROM ability_assessment WHERE diner_id = ?", String.class, Long.valueOf(own)))
                .isEqualTo(streetA);
    }

    @Test
    void shouldValidateTheAbilityLevelAndTheSchedule() {
        Map<String, Object> input = policy("2030-01-01", 0, 400);
        input.put("tiers", List.of(tier("5.00", 5, null)));
        as("admin").documentName("assessmentCreatePolicy").variable("input", input).execute()
                .path("createSubsidyPolicy.policy").valueIsNull()
                .path("createSubsidyPolicy.userErrors[*].field").entityList(Object.class).satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(
                        List.of("input", "reassessmentMonths"), List.of("input", "assessmentGraceDays"), List.of("input", "tiers", "0", "minAbilityLevel")));
        Map<String, Object> defaults = policy("2030-01-01", 6, 30);
        defaults.remove("reassessmentMonths");
        defaults.remove("assessmentGraceDays");
        as("admin").documentName("assessmentCreatePolicy").variable("input", defaults).execute()
                .path("createSubsidyPolicy.policy.reassessmentMonths").entity(Integer.class).isEqualTo(6)
                .path("createSubsidyPolicy.policy.assessmentGraceDays").entity(Integer.class).isEqualTo(30)
                .path("createSubsidyPolicy.policy.tiers[*].minAbilityLevel").entityList(Object.class).containsExactly(null, 3);
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> policy(String effectiveFrom, int months, int graceDays) {
        Map<String, Object> input = new HashMap<>(Map.of("districtId", district, "name", "评估挂钩政策", "effectiveFrom", effectiveFrom,
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "reassessmentMonths", months, "assessmentGraceDays", graceDays));
        input.put("tiers", List.of(tier("7.00", null, null), tier("10.00", 3, List.of("DISABLED"))));
        return input;
    }

    private static Map<String, Object> tier(String subsidy, Integer minAbilityLevel, List<String> categories) {
        Map<String, Object> tier = new HashMap<>(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", subsidy,
                "shares", List.of(Map.of("source", "CITY", "remainder", true))));
        if (minAbilityLevel != null) {
            tier.put("minAbilityLevel", minAbilityLevel);
        }
        if (categories != null) {
            tier.put("categories", categories);
        }
        return tier;
    }

    private void publish(Map<String, Object> input) {
        String policy = as("admin").documentName("assessmentCreatePolicy").variable("input", input).execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        as("admin").documentName("subsidyPublishPolicy").variable("input", Map.of("policyId", policy))
                .execute().path("publishSubsidyPolicy.policy.status").entity(String.class).isEqualTo("PUBLISHED");
    }

    /** An ACTIVE diner aged about 80, living in the community, holding the category given (from 2020) or none. */
    private String diner(String community, String category) {
        return diners.registerActiveSince2020("评估老人", community, DinerFixtures.randomBirthDate(1938, 5),
                category == null ? List.of() : List.of(category), null);
    }

    private GraphQlTester.Response record(String user, String diner, int level, String assessedOn) {
        return as(user).documentName("assessmentRecord")
                .variable("input", Map.of("dinerId", diner, "level", level, "assessedOn", assessedOn, "assessor", "评估员王某")).execute();
    }

    private GraphQlTester.Response quote(String diner, String date) {
        return as("admin").documentName("assessmentQuote").variable("dinerId", diner).variable("siteId", site).variable("date", date)
                .variable("price", "15.00").execute();
    }

    private GraphQlTester.Response due(String user, String region, String on, int first) {
        return as(user).documentName("assessmentsDue").variable("regionId", region).variable("on", on).variable("first", first).execute();
    }
}
