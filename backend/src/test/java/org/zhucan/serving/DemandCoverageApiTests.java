package org.zhucan.serving;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demand coverage (需求保障) against a world computed by hand: a district of its own with two villages
 * of one town, seven diners registered (ACTIVE) since 2020 in village 1, and their meals logged at the
 * counter today and moved to the days below (the counter logs only today's meals).
 *
 * <pre>
 * diner  born        category                  status / residence                       meals
 * A      1940-03-03  -                         -                                        01-10, 02-10
 * B      1955-05-05  MIN_LIVING                -                                        01-11, 02-11 voided
 * C      1955-06-06  -                         -                                        01-12
 * D      1955-07-07  LIVING_ALONE to 01-15     -                                        02-13
 * E      1940-08-08  -                         lives in village 2 from 02-10            01-14
 * F      1940-09-09  -                         SUSPENDED 01-01, ACTIVE 02-20            01-15
 * G      1945-02-15  -                         (80 on 2025-02-15)                       01-16
 *
 *                      eligible                 ate          village 1   village 2   total
 * 2025-01  A B D E (C no category, F not ACTIVE, G 79)  A B E   4 / 3       0 / 0       4 / 3  0.75
 * 2025-02  A B F G; E in village 2 (D expired)          A       4 / 1       1 / 0       5 / 1  0.2
 * </pre>
 */
class DemandCoverageApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    DistrictWorld world;
    String town;
    String village2;

    @Test
    void shouldCountEligibleDinersWhoAteWhereTheyLivedAtTheMonthsEnd() {
        buildWorld();
        GraphQlTester.Response january = coverage("admin", world.districtId, "2025-01");
        january.path("demandCoverage.from").entity(String.class).isEqualTo("2025-01-01")
                .path("demandCoverage.to").entity(String.class).isEqualTo("2025-01-31")
                .path("demandCoverage.eligibleDiners").entity(Integer.class).isEqualTo(4)
                .path("demandCoverage.servedDiners").entity(Integer.class).isEqualTo(3)
                .path("demandCoverage.coverage").entity(Double.class).isEqualTo(0.75)
                .path("demandCoverage.rows[*].community.id").entityList(String.class).containsExactly(world.villageId, village2)
                .path("demandCoverage.rows[0].eligibleDiners").entity(Integer.class).isEqualTo(4)
                .path("demandCoverage.rows[0].servedDiners").entity(Integer.class).isEqualTo(3)
                .path("demandCoverage.rows[1].eligibleDiners").entity(Integer.class).isEqualTo(0)
                .path("demandCoverage.rows[1].coverage").valueIsNull();

        GraphQlTester.Response february = coverage("admin", world.districtId, "2025-02");
        february.path("demandCoverage.eligibleDiners").entity(Integer.class).isEqualTo(5)
                .path("demandCoverage.servedDiners").entity(Integer.class).isEqualTo(1)
                .path("demandCoverage.coverage").entity(Double.class).isEqualTo(0.2)
                .path("demandCoverage.rows[0].eligibleDiners").entity(Integer.class).isEqualTo(4)
                .path("demandCoverage.rows[0].servedDiners").entity(Integer.class).isEqualTo(1)
                .path("demandCoverage.rows[0].coverage").entity(Double.class).isEqualTo(0.25)
                .path("demandCoverage.rows[1].eligibleDiners").entity(Integer.class).isEqualTo(1)
                .path("demandCoverage.rows[1].servedDiners").entity(Integer.class).isEqualTo(0)
                .path("demandCoverage.rows[1].coverage").entity(Double.class).isEqualTo(0.0);

        // the town holds both villages: the same figures; the dashboard shows them next to site coverage
        coverage("admin", town, "2025-02").path("demandCoverage.eligibleDiners").entity(Integer.class).isEqualTo(5);
        as("admin").documentName("districtDashboardDemandCoverage").variable("district", world.districtId).variable("month", "2025-01")
                .execute()
                .path("districtDashboard.days[0].coverage").entity(Double.class).isEqualTo(0.5)
                .path("districtDashboard.demandCoverage.month").entity(String.class).isEqualTo("2025-01")
                .path("districtDashboard.demandCoverage.eligibleDiners").entity(Integer.class).isEqualTo(4)
                .path("districtDashboard.demandCoverage.servedDiners").entity(Integer.class).isEqualTo(3);
        // without a month, the dashboard's own: every meal was moved out of it, all seven still registered, five eligible
        as("admin").documentName("districtDashboardDemandCoverage").variable("district", world.districtId).execute()
                .path("districtDashboard.demandCoverage.month").entity(String.class)
                .isEqualTo(java.time.YearMonth.now(BusinessTime.ZONE).toString())
                .path("districtDashboard.demandCoverage.eligibleDiners").entity(Integer.class).isEqualTo(5)
                .path("districtDashboard.demandCoverage.servedDiners").entity(Integer.class).isEqualTo(0);

        // two statements for the figures, whatever the region's size: the district costs what its town costs
        long forTown = fewestStatements(() -> coverage("admin", town, "2025-01"), 0);
        long forDistrict = fewestStatements(() -> coverage("admin", world.districtId, "2025-01"), 0);
        assertThat(forDistrict).isEqualTo(forTown);
    }

    @Test
    void shouldShowEachRegionOnlyToThoseWhoOverseeIt() {
        world = new DistrictWorld(this::as, jdbc);
        town = jdbc.queryForObject("SELECT parent_id FROM region WHERE id = ?", String.class, Long.valueOf(world.villageId));
        String street = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, town, "需求保障镇街");
        String inspector = TestAccounts.loggedIn(this::as, jdbc, "INSPECTOR", null, world.districtId, "需求保障检查员");
        String hotline = TestAccounts.loggedIn(this::as, jdbc, "HOTLINE", null, world.districtId, "需求保障热线");

        coverage(world.financeA, world.districtId, "2025-01").path("demandCoverage.rows").entityList(Object.class).hasSize(1);
        coverage(inspector, world.districtId, "2025-01").path("demandCoverage.rows").entityList(Object.class).hasSize(1);
        coverage(street, town, "2025-01").path("demandCoverage.rows").entityList(Object.class).hasSize(1);
        // street staff see their street, not the district; another district's finance and operators see neither
        assertError(coverage(street, world.districtId, "2025-01"), "FORBIDDEN");
        assertError(coverage("finance", world.districtId, "2025-01"), "FORBIDDEN");
        assertError(coverage(world.operatorStaff, town, "2025-01"), "FORBIDDEN");
        assertError(coverage(hotline, world.districtId, "2025-01"), "FORBIDDEN");
        assertError(coverage("family", world.districtId, "2025-01"), "FORBIDDEN");
        String nextMonth = java.time.YearMonth.now(BusinessTime.ZONE).plusMonths(1).toString();
        assertError(coverage("admin", world.districtId, nextMonth), "BAD_REQUEST");
    }

    private void buildWorld() {
        world = new DistrictWorld(this::as, jdbc);
        town = jdbc.queryForObject("SELECT parent_id FROM region WHERE id = ?", String.class, Long.valueOf(world.villageId));
        String code = jdbc.queryForObject("SELECT division_code FROM region WHERE id = ?", String.class, Long.valueOf(world.districtId));
        village2 = new NetworkFixtures(as("admin"), jdbc).createRegion(town, code.substring(0, 6) + "101202", "需求保障二村", "VILLAGE");
        DinerFixtures diners = new DinerFixtures(as("admin"), jdbc);
        String a = diners.registerActiveSince2020("需求甲", world.villageId, LocalDate.of(1940, 3, 3), List.of(), null);
        String b = diners.registerActiveSince2020("需求乙", world.villageId, LocalDate.of(1955, 5, 5), List.of("MIN_LIVING"), null);
        String c = diners.registerActiveSince2020("需求丙", world.villageId, LocalDate.of(1955, 6, 6), List.of(), null);
        String d = diners.registerActiveSince2020("需求丁", world.villageId, LocalDate.of(1955, 7, 7), List.of("LIVING_ALONE"), null);
        jdbc.update("UPDATE diner_category SET valid_to = '2025-01-15' WHERE diner_id = ?", Long.valueOf(d));
        String e = diners.registerActiveSince2020("需求戊", world.villageId, LocalDate.of(1940, 8, 8), List.of(), null);
        as("admin").documentName("recordDinerMove")
                .variable("input", Map.of("dinerId", e, "kind", "RESIDENCE", "communityId", village2, "address", "二村8号",
                        "effectiveOn", "2025-02-10", "reason", "随子女迁居"))
                .execute().path("recordDinerMove.userErrors").entityList(Object.class).hasSize(0);
        String f = diners.registerActiveSince2020("需求己", world.villageId, LocalDate.of(1940, 9, 9), List.of(), null);
        changeStatus(f, "SUSPENDED", "2025-01-01");
        changeStatus(f, "ACTIVE", "2025-02-20");
        String g = diners.registerActiveSince2020("需求庚", world.villageId, LocalDate.of(1945, 2, 15), List.of(), null);

        clock.stopAt(ZonedDateTime.of(DistrictWorld.today(), LocalTime.of(11, 45), BusinessTime.ZONE).toInstant());
        ate(a, "2025-01-10");
        ate(a, "2025-02-10");
        ate(b, "2025-01-11");
        // voided at once (the counter voids today's meals), then moved to its day
        String voided = world.serve(world.siteA, b, DistrictWorld.shanghai(DistrictWorld.today(), 11, 30));
        world.voidRecord(voided);
        jdbc.update("UPDATE meal_record SET service_date = '2025-02-11' WHERE id = ?", Long.valueOf(voided));
        ate(c, "2025-01-12");
        ate(d, "2025-02-13");
        ate(e, "2025-01-14");
        ate(f, "2025-01-15");
        ate(g, "2025-01-16");
        clock.resume();
    }

    /** A meal logged at the counter now, moved to the day given; returns the record's id. */
    private String ate(String diner, String day) {
        String record = world.serve(world.siteA, diner, DistrictWorld.shanghai(DistrictWorld.today(), 11, 30));
        jdbc.update("UPDATE meal_record SET service_date = ? WHERE id = ?", day, Long.valueOf(record));
        return record;
    }

    private void changeStatus(String diner, String status, String effectiveOn) {
        as("admin").documentName("fixtureChangeDinerStatus")
                .variable("input", Map.of("dinerId", diner, "status", status, "effectiveOn", effectiveOn, "reason", "住院"))
                .execute().path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
    }

    private GraphQlTester.Response coverage(String caller, String region, String month) {
        return as(caller).documentName("demandCoverage").variable("region", region).variable("month", month).execute();
    }

    private static void assertError(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).first()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo(classification)));
    }
}
