package org.zhucan.care;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits and the volunteer registry (issue 21, point 5): a volunteer registered with the phone encrypted and shown
 * masked; visits recorded for a district's diners, the volunteer's hours counting them; the month's visit rate of the
 * village against the 100% target, where a visit that found nobody home does not count; another town's staff refused.
 */
class VisitsAndVolunteersApiTests extends ApiTest {

    private static final String RECORD = """
            mutation($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id visitor outcome } userErrors { code field } } }""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldCountVisitsTowardsTheVillagesRateAndTheVolunteersHours() {
        logInDemoAccounts();
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        NetworkFixtures.District district = network.district("探访测试");
        DinerFixtures diners = new DinerFixtures(as("admin"), jdbc);
        String visited = diners.registerActiveSince2020("探访老人甲", district.villageId(), LocalDate.of(1942, 1, 9), List.of(), null);
        String notHome = diners.registerActiveSince2020("探访老人乙", district.villageId(), LocalDate.of(1944, 7, 2), List.of(), null);
        String volunteer = as("admin").document("""
                        mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { volunteer { id phone } userErrors { code } } }""")
                .variable("input", Map.of("name", "李志愿", "phone", "13912345678", "regionId", district.districtId())).execute()
                .path("registerVolunteer.volunteer.phone").entity(String.class).isEqualTo("139****5678")
                .path("registerVolunteer.volunteer.id").entity(String.class).get();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE phone_encrypted LIKE '%13912345678%'", Integer.class)).isZero();

        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        as("admin").document(RECORD).variable("input", Map.of("dinerId", visited, "visitedOn", today.toString(), "minutes", 45, "outcome", "WELL",
                        "volunteerId", volunteer)).execute()
                .path("recordVisit.visit.visitor").entity(String.class).isEqualTo("volunteer:" + volunteer);
        as("admin").document(RECORD).variable("input", Map.of("dinerId", notHome, "visitedOn", today.toString(), "minutes", 15,
                        "outcome", "NOT_HOME", "volunteerId", volunteer)).execute()
                .path("recordVisit.userErrors").entityList(Object.class).hasSize(0);
        as("admin").document(RECORD).variable("input", Map.of("dinerId", visited, "visitedOn", today.plusDays(1).toString(), "minutes", 30,
                        "outcome", "WELL")).execute()
                .path("recordVisit.userErrors[0].field[1]").entity(String.class).isEqualTo("visitedOn");
        as("admin").document(RECORD).variable("input", Map.of("dinerId", visited, "visitedOn", today.toString(), "minutes", 0, "outcome", "WELL"))
                .execute().path("recordVisit.userErrors[0].field[1]").entity(String.class).isEqualTo("minutes");

        as("admin").document("""
                        query($region: ID!, $month: String!) { visitRates(regionId: $region, month: $month) {
                          community { id } activeDiners visitedDiners ratePercent targetPercent meetsTarget } }""")
                .variable("region", district.districtId()).variable("month", YearMonth.from(today).toString()).execute()
                .path("visitRates[0].community.id").entity(String.class).isEqualTo(district.villageId())
                .path("visitRates[0].activeDiners").entity(Integer.class).isEqualTo(2)
                .path("visitRates[0].visitedDiners").entity(Integer.class).isEqualTo(1)
                .path("visitRates[0].ratePercent").entity(Integer.class).isEqualTo(50)
                .path("visitRates[0].targetPercent").entity(Integer.class).isEqualTo(100)
                .path("visitRates[0].meetsTarget").entity(Boolean.class).isEqualTo(false);
        as("admin").document("query($d: ID!) { visits(dinerId: $d) { outcome minutes diner { id } } }").variable("d", visited).execute()
                .path("visits[*].minutes").entityList(Integer.class).containsExactly(45);

        // 45 + 15 minutes of visits, no deliveries: one hour
        String hours = as("admin").document("{ volunteers(first: 100) { edges { node { id visitMinutes deliveryMinutes serviceHours } } } }").execute()
                .path("volunteers.edges[?(@.node.id == '" + volunteer + "')].node.serviceHours").entityList(String.class).get().get(0);
        assertThat(hours).isEqualTo("1.0");

        // street staff of 寇店镇 reach neither the district's diners nor its volunteers
        as("street").document(RECORD).variable("input", Map.of("dinerId", visited, "visitedOn", today.toString(), "minutes", 30, "outcome", "WELL"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }
}
