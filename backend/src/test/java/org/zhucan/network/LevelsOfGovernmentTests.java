package org.zhucan.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.network.NetworkFixtures.input;

/**
 * Levels of government (issue 18, point 2): a city above two districts of its own; the city's
 * ADMIN reads and writes across both, each district's ADMIN only its own; coverage, the dashboard
 * and reconciliation roll up from the districts to the city; the national ADMIN stays unscoped.
 */
class LevelsOfGovernmentTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    NetworkFixtures network;
    DinerFixtures diners;

    String city;
    String districtA;
    String districtB;
    String villageA;
    String villageB;
    String cityAdmin;
    String adminA;
    String adminB;

    @BeforeEach
    void world() {
        network = new NetworkFixtures(as("admin"), jdbc);
        diners = new DinerFixtures(as("admin"), jdbc);
        String prefix = freshCityPrefix();
        city = network.createRegion(null, prefix + "00000000", "层级市", "CITY");
        districtA = network.createRegion(city, prefix + "01000000", "层级甲区", "DISTRICT");
        districtB = network.createRegion(city, prefix + "02000000", "层级乙区", "DISTRICT");
        villageA = network.createRegion(network.createRegion(districtA, prefix + "01101000", "甲镇", "TOWN"), prefix + "01101201", "甲村", "VILLAGE");
        villageB = network.createRegion(network.createRegion(districtB, prefix + "02101000", "乙镇", "TOWN"), prefix + "02101201", "乙村", "VILLAGE");
        cityAdmin = TestAccounts.create(jdbc, "ADMIN", null, city, "市管理员");
        adminA = TestAccounts.create(jdbc, "ADMIN", null, districtA, "甲区管理员");
        adminB = TestAccounts.create(jdbc, "ADMIN", null, districtB, "乙区管理员");
    }

    /** Two free leading digits of a province and two of a city: no region's code starts with them. */
    private String freshCityPrefix() {
        while (true) {
            String prefix = String.format("%02d%02d", 11 + ThreadLocalRandom.current().nextInt(89), 1 + ThreadLocalRandom.current().nextInt(98));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE division_code LIKE ?", Integer.class, prefix + "%") == 0) {
                return prefix;
            }
        }
    }

    @Test
    void shouldLetACityAdminReadBothDistrictsAndADistrictAdminOnlyItsOwn() {
        String name = "层级老人" + System.nanoTime();
        String dinerA = diners.registerActiveSince2020(name + "甲", villageA, DinerFixtures.randomBirthDate(1940, 10), List.of(), null);
        String dinerB = diners.registerActiveSince2020(name + "乙", villageB, DinerFixtures.randomBirthDate(1940, 10), List.of(), null);

        assertThat(dinerNames(cityAdmin, name)).containsExactlyInAnyOrder(name + "甲", name + "乙");
        assertThat(dinerNames(adminA, name)).containsExactly(name + "甲");
        assertThat(dinerNames(adminB, name)).containsExactly(name + "乙");
        assertThat(dinerNames("admin", name)).containsExactlyInAnyOrder(name + "甲", name + "乙");

        as(cityAdmin).documentName("dinerById").variable("id", dinerB).execute().path("diner.id").entity(String.class).isEqualTo(dinerB);
        as(adminA).documentName("dinerById").variable("id", dinerB).execute().path("diner").valueIsNull();
        as(adminA).documentName("dinerById").variable("id", dinerA).execute().path("diner.id").entity(String.class).isEqualTo(dinerA);
    }

    @Test
    void shouldKeepADistrictAdminsWritesInsideItsDistrict() {
        String prefix = jdbc.queryForObject("SELECT LEFT(division_code, 4) FROM region WHERE id = ?", String.class, Long.valueOf(city));
        // a street in its own district: yes; in the other district, or a new root: refused
        as(adminA).documentName("createRegion").variable("input", input("parentId", districtA, "divisionCode", prefix + "01102000",
                "name", "甲街道", "level", "SUBDISTRICT")).execute().path("createRegion.region.name").entity(String.class).isEqualTo("甲街道");
        expectForbidden(as(adminA).documentName("createRegion").variable("input", input("parentId", districtB, "divisionCode", prefix + "02102000",
                "name", "乙街道", "level", "SUBDISTRICT")).execute());
        expectForbidden(as(cityAdmin).documentName("createRegion").variable("input", input("divisionCode", network.freshDistrictCode(),
                "name", "根区", "level", "DISTRICT")).execute());
        // a diner of the other district is none of its business; nor is the national audit log
        String other = diners.registerActiveSince2020("层级乙" + System.nanoTime(), villageB, DinerFixtures.randomBirthDate(1940, 10), List.of(), null);
        as(adminA).documentName("dinerChangeStatus").variable("input", Map.of("dinerId", other, "status", "SUSPENDED",
                "effectiveOn", LocalDate.now(BusinessTime.ZONE).toString(), "reason", "外出")).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
        expectForbidden(as(adminA).documentName("registerDiner").variable("input", Map.of("name", "越界老人",
                "idNumber", diners.freshIdNumber(DinerFixtures.randomBirthDate(1940, 10), false), "homeCommunityId", villageB,
                "address", "乙村")).execute());
        expectForbidden(as(cityAdmin).documentName("auditLog").variable("first", 1).execute());
        as("admin").documentName("auditLog").variable("first", 1).execute().path("auditLog.totalCount").entity(Long.class)
                .satisfies(count -> assertThat(count).isPositive());
    }

    @Test
    void shouldPlaceLevelsUnderTheRightParents() {
        String prefix = jdbc.queryForObject("SELECT LEFT(division_code, 4) FROM region WHERE id = ?", String.class, Long.valueOf(city));
        assertUserError(input("parentId", districtA, "divisionCode", prefix + "00000000", "name", "x", "level", "CITY"), "INVALID_REGION_LEVEL");
        assertUserError(input("parentId", city, "divisionCode", "9999" + "03000000", "name", "x", "level", "DISTRICT"), "INVALID_DIVISION_CODE");
        assertUserError(input("divisionCode", prefix.substring(0, 2) + "0000000001", "name", "x", "level", "PROVINCE"), "INVALID_DIVISION_CODE");
        as("admin").documentName("createRegion").variable("input", input("parentId", city, "divisionCode", prefix + "03000000", "name", "层级丙区",
                "level", "DISTRICT")).execute().path("createRegion.region.parent.name").entity(String.class).isEqualTo("层级市");
    }

    @Test
    void shouldRollCoverageAndReconciliationUpToTheCity() {
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        as(cityAdmin).documentName("coverage").variable("regionId", city).variable("year", year).execute()
                .path("coverage.rows[*].region.name").entityList(String.class).containsExactly("层级市", "层级甲区", "层级乙区")
                .path("coverage.rows[0].communities").entity(Integer.class).isEqualTo(2);

        setBudget("admin", districtA, "DISTRICT", "300.00");
        setBudget("admin", districtB, "DISTRICT", "200.00");
        setBudget("admin", districtA, "CITY", "50.00");
        setBudget("admin", districtB, "CITY", "40.00");
        as("admin").documentName("settlementSetFundingBudget").variable("input", Map.of("districtId", city, "year", year,
                        "source", "DISTRICT", "amount", "1.00")).execute()
                .path("setFundingBudget.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REGION_LEVEL");
        String from = LocalDate.of(year, 1, 1).toString();
        // without a budget of the city's own, the districts' CITY budgets add up
        assertThat(budget(cityAdmin, city, from, "CITY")).isEqualTo("90.00");
        setBudget(cityAdmin, city, "CITY", "1000.00");
        assertThat(budget(cityAdmin, city, from, "DISTRICT")).isEqualTo("500.00");
        assertThat(budget(cityAdmin, city, from, "CITY")).isEqualTo("1000.00");
        assertThat(budget(adminA, districtA, from, "DISTRICT")).isEqualTo("300.00");
        expectForbidden(as(adminA).documentName("settlementReconciliation").variable("districtId", city).variable("periodStart", from)
                .variable("periodEnd", from).execute());
        expectForbidden(as(adminA).documentName("settlementReconciliation").variable("districtId", districtB).variable("periodStart", from)
                .variable("periodEnd", from).execute());

        as(cityAdmin).documentName("evaluationDistrictDashboard").variable("district", city).variable("days", 1).execute()
                .path("districtDashboard.district.id").entity(String.class).isEqualTo(city)
                .path("districtDashboard.days[0].budget").entity(String.class).isEqualTo("1500.00")
                .path("districtDashboard.days[0].communities").entity(Integer.class).isEqualTo(2);
        expectForbidden(as(adminB).documentName("evaluationDistrictDashboard").variable("district", city).variable("days", 1).execute());
    }

    private List<String> dinerNames(String user, String name) {
        return as(user).documentName("diners").variable("filter", Map.of("name", name)).variable("first", 10).execute()
                .path("diners.edges[*].node.name").entityList(String.class).get();
    }

    private void setBudget(String user, String region, String source, String amount) {
        as(user).documentName("settlementSetFundingBudget").variable("input", Map.of("districtId", region,
                        "year", LocalDate.now(BusinessTime.ZONE).getYear(), "source", source, "amount", amount)).execute()
                .path("setFundingBudget.userErrors").entityList(Object.class).hasSize(0);
    }

    private String budget(String user, String region, String from, String source) {
        return as(user).documentName("settlementReconciliation").variable("districtId", region).variable("periodStart", from)
                .variable("periodEnd", from).execute()
                .path("reconciliation.sources[?(@.source == '" + source + "')].budget").entityList(String.class).get().get(0);
    }

    private void assertUserError(Map<String, Object> regionInput, String code) {
        as("admin").documentName("createRegion").variable("input", regionInput).execute()
                .path("createRegion.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private static void expectForbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }
}
