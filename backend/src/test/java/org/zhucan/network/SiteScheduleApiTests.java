package org.zhucan.network;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.today;

/**
 * Issue 24, point 2: the site-building ledger (点位建设台账), planned quarter against actual opening.
 * A fixture computed by hand, and seed 001's own ledger in the demo data.
 *
 * <pre>
 * site place      planned     due         opened      on 2024-06-30  on 2024-07-01  on 2024-12-31
 * A    village 1  2024-02-15  2024-03-31  2024-03-20  ON_TIME        ON_TIME        ON_TIME
 * B    village 1  2024-05-01  2024-06-30  2024-08-10  NOT_YET_DUE    OVERDUE (1)    LATE (41)
 * C    village 2  2024-08-31  2024-09-30  never       NOT_YET_DUE    NOT_YET_DUE    OVERDUE (92)
 * D    community  2024-12-31  2024-12-31  never       NOT_YET_DUE    NOT_YET_DUE    NOT_YET_DUE (due that day)
 * E    community  2025-03-31  2025-03-31  never       not in the 2024 ledger
 * K    community  2024-03-01  a central kitchen, serves no diner: never in the ledger
 * </pre>
 */
class SiteScheduleApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldMatchTheHandComputedLedger() {
        NetworkFixtures fixtures = new NetworkFixtures(as("admin"), jdbc);
        String code = fixtures.freshDistrictCode();
        String district = fixtures.createRegion(null, code, "台账测试区", "DISTRICT");
        String town = fixtures.createRegion(district, code.substring(0, 6) + "101000", "台账测试镇", "TOWN");
        String street = fixtures.createRegion(district, code.substring(0, 6) + "001000", "台账测试街道", "SUBDISTRICT");
        String village1 = fixtures.createRegion(town, code.substring(0, 6) + "101201", "一村", "VILLAGE");
        String village2 = fixtures.createRegion(town, code.substring(0, 6) + "101202", "二村", "VILLAGE");
        String community = fixtures.createRegion(street, code.substring(0, 6) + "001001", "一社区", "COMMUNITY");
        String operator = fixtures.createOperator("台账测试运营");

        String a = site(fixtures, "A", "MEAL_POINT", village1, operator, "2024-02-15");
        fixtures.open(a, "2024-02-01", "2024-03-20");
        String b = site(fixtures, "B", "MEAL_POINT", village1, operator, "2024-05-01");
        fixtures.open(b, "2024-04-01", "2024-08-10");
        String c = site(fixtures, "C", "MEAL_POINT", village2, operator, "2024-08-31");
        fixtures.changeStatus(c, "BUILDING", "2024-07-01", null);
        site(fixtures, "D", "CANTEEN", community, operator, "2024-12-31");
        site(fixtures, "E", "MEAL_POINT", community, operator, "2025-03-31");
        String k = site(fixtures, "K", "CENTRAL_KITCHEN", community, operator, "2024-03-01");
        fixtures.open(k, "2024-01-02", "2024-01-03");

        GraphQlTester.Response yearEnd = schedule(district, 2024, "2024-12-31");
        yearEnd.path("siteSchedule.asOf").entity(String.class).isEqualTo("2024-12-31")
                .path("siteSchedule.rows[*].region.name").entityList(String.class).containsExactly("台账测试区", "台账测试街道", "台账测试镇");
        assertRow(yearEnd, 0, 4, 1, 1, 1, 1);
        assertRow(yearEnd, 1, 1, 0, 0, 0, 1);
        assertRow(yearEnd, 2, 3, 1, 1, 1, 0);
        yearEnd.path("siteSchedule.rows[0].byQuarter[*].planned").entityList(Integer.class).containsExactly(1, 1, 1, 1)
                .path("siteSchedule.rows[0].byQuarter[1].openedLate").entity(Integer.class).isEqualTo(1)
                .path("siteSchedule.rows[0].byQuarter[2].overdue").entity(Integer.class).isEqualTo(1)
                .path("siteSchedule.rows[0].byQuarter[3].notYetDue").entity(Integer.class).isEqualTo(1);
        yearEnd.path("siteSchedule.sites[*].site.name").entityList(String.class).containsExactly("台账A", "台账B", "台账C", "台账D")
                .path("siteSchedule.sites[*].standing").entityList(String.class).containsExactly("ON_TIME", "LATE", "OVERDUE", "NOT_YET_DUE")
                .path("siteSchedule.sites[*].plannedQuarter").entityList(Integer.class).containsExactly(1, 2, 3, 4)
                .path("siteSchedule.sites[1].dueOn").entity(String.class).isEqualTo("2024-06-30")
                .path("siteSchedule.sites[1].openedOn").entity(String.class).isEqualTo("2024-08-10")
                .path("siteSchedule.sites[1].daysLate").entity(Integer.class).isEqualTo(41)
                .path("siteSchedule.sites[2].daysLate").entity(Integer.class).isEqualTo(92)
                .path("siteSchedule.sites[3].daysLate").valueIsNull();
        // beside the coverage of the same year: 3 communities and villages, village 1 covered
        yearEnd.path("siteSchedule.rows[0].coverage.communities").entity(Integer.class).isEqualTo(3)
                .path("siteSchedule.rows[0].coverage.coveredCommunities").entity(Integer.class).isEqualTo(1)
                .path("siteSchedule.rows[2].coverage.coverage").entity(Double.class).isEqualTo(0.5);

        GraphQlTester.Response midYear = schedule(district, 2024, "2024-06-30");
        assertRow(midYear, 0, 4, 1, 0, 0, 3);
        midYear.path("siteSchedule.sites[1].openedOn").valueIsNull();
        GraphQlTester.Response dayAfter = schedule(district, 2024, "2024-07-01");
        assertRow(dayAfter, 0, 4, 1, 0, 1, 2);
        dayAfter.path("siteSchedule.sites[1].daysLate").entity(Integer.class).isEqualTo(1);

        schedule(district, 2025, "2025-12-31").path("siteSchedule.sites[*].site.name").entityList(String.class).containsExactly("台账E");
        assertRow(schedule(town, 2024, "2024-12-31"), 0, 3, 1, 1, 1, 0);
    }

    /**
     * Seed 001, item 24: 寇店镇 planned 13 points for 2024; 孙密 (Q2), 干村 (Q3) and 沙沟 (Q4) opened a year late.
     * 庞村镇's 2025 plan holds 彭店寨 (Q3), still building at the end of 2025.
     */
    @Test
    void shouldReadSeed001sLedgerFromTheDemoData() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        GraphQlTester.Response end2024 = schedule(yibin, 2024, "2024-12-31");
        int kouDian = rowOf(end2024, "寇店镇");
        assertRow(end2024, kouDian, 13, 10, 0, 2, 1);
        GraphQlTester.Response end2025 = schedule(yibin, 2024, "2025-12-31");
        assertRow(end2025, rowOf(end2025, "寇店镇"), 13, 10, 3, 0, 0);
        assertRow(end2025, rowOf(end2025, "庞村镇"), 9, 7, 2, 0, 0);
        assertRow(end2025, rowOf(end2025, "新诸葛镇"), 11, 8, 3, 0, 0);
        assertRow(end2025, rowOf(end2025, "孝文街道"), 8, 8, 0, 0, 0);

        GraphQlTester.Response plan2025 = schedule(yibin, 2025, "2025-12-31");
        int pangCun = rowOf(plan2025, "庞村镇");
        assertRow(plan2025, pangCun, 3, 2, 0, 1, 0);
        List<Map<String, Object>> sites = plan2025.path("siteSchedule.sites").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        Map<String, Object> overdue = sites.stream().filter(site -> "OVERDUE".equals(site.get("standing"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) overdue.get("site")).get("name")).asString().contains("彭店寨");
        assertThat(overdue.get("daysLate")).isEqualTo(92);
    }

    @Test
    void shouldSendAsManyStatementsForTheDemoDistrictAsForOneTown() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        String kouDian = jdbc.queryForObject("SELECT id FROM region WHERE name = '寇店镇'", String.class);
        schedule(yibin, 2024, "2025-12-31");
        schedule(kouDian, 2024, "2025-12-31");
        // the district (7 rows, 47 sites) against one town (a row per village, 13 sites): the same statements
        assertStatementsDoNotGrow(() -> fewestStatements(() -> schedule(kouDian, 2024, "2025-12-31"), 0),
                () -> fewestStatements(() -> schedule(yibin, 2024, "2025-12-31"), 0));
    }

    @Test
    void shouldRefuseADayAfterTodayAndAYearOutOfRange() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        assertThat(Responses.errorType(schedule(yibin, 2024, today().plusDays(1).toString()))).isEqualTo("BAD_REQUEST");
        assertThat(Responses.errorType(schedule(yibin, 1800, null))).isEqualTo("BAD_REQUEST");
        as("family").documentName("siteSchedule").variable("regionId", yibin).variable("year", 2024).execute()
                .path("siteSchedule.asOf").entity(String.class).isEqualTo(today().toString());
    }

    private String site(NetworkFixtures fixtures, String name, String kind, String communityId, String operatorId, String plannedOn) {
        String id = fixtures.createSite("台账" + name, kind, communityId, operatorId, null, null);
        fixtures.backdatePlanned(id, "2024-01-01");
        jdbc.update("UPDATE site SET planned_open_on = ? WHERE id = ?", java.sql.Date.valueOf(plannedOn), Long.valueOf(id));
        return id;
    }

    private GraphQlTester.Response schedule(String regionId, int year, String asOf) {
        GraphQlTester.Request<?> request = as("inspector").documentName("siteSchedule").variable("regionId", regionId).variable("year", year);
        return (asOf == null ? request : request.variable("asOf", asOf)).execute();
    }

    private static int rowOf(GraphQlTester.Response response, String regionName) {
        List<String> names = response.path("siteSchedule.rows[*].region.name").entityList(String.class).get();
        assertThat(names).contains(regionName);
        return names.indexOf(regionName);
    }

    private static void assertRow(GraphQlTester.Response response, int row, int planned, int onTime, int late, int overdue, int notYetDue) {
        String path = "siteSchedule.rows[" + row + "].";
        response.path(path + "planned").entity(Integer.class).isEqualTo(planned)
                .path(path + "openedOnTime").entity(Integer.class).isEqualTo(onTime)
                .path(path + "openedLate").entity(Integer.class).isEqualTo(late)
                .path(path + "overdue").entity(Integer.class).isEqualTo(overdue)
                .path(path + "notYetDue").entity(Integer.class).isEqualTo(notYetDue);
    }
}
