package org.zhucan.network;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage against a fixture computed by hand: a district with a town of three villages and a
 * street of one community.
 *
 * <pre>
 * site  place      history                                                     2024-12-31  2025-12-31
 * A     village 1  PLANNED 24-01-01, BUILDING 24-02-01, OPERATING 24-03-31     OPERATING   OPERATING
 * B     village 1  ... OPERATING 24-06-30, SUSPENDED 25-06-30                  OPERATING   SUSPENDED
 * C     village 2  BUILDING 24-07-01, OPERATING 25-03-31                       BUILDING    OPERATING
 * F     village 3  PLANNED 25-05-01                                            (none yet)  PLANNED
 * E     community  OPERATING 24-02-28, CLOSED 25-10-31                         OPERATING   CLOSED
 * K     community  a central kitchen, OPERATING: never counted
 *
 *            communities covered coverage  operating built rate
 * 2024 town        3        1     0.3333        2       2    1.0
 *      street      1        1     1.0           1       1    1.0
 *      district    4        2     0.5           3       3    1.0
 * 2025 town        3        2     0.6667        2       3    0.6667
 *      street      1        0     0.0           0       1    0.0
 *      district    4        2     0.5           2       4    0.5
 * </pre>
 */
class CoverageApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldMatchTheHandComputedFixture() {
        NetworkFixtures fixtures = new NetworkFixtures(as("admin"), jdbc);
        String code = fixtures.freshDistrictCode();
        String district = fixtures.createRegion(null, code, "覆盖测试区", "DISTRICT");
        String town = fixtures.createRegion(district, code.substring(0, 6) + "101000", "覆盖测试镇", "TOWN");
        String street = fixtures.createRegion(district, code.substring(0, 6) + "001000", "覆盖测试街道", "SUBDISTRICT");
        String village1 = fixtures.createRegion(town, code.substring(0, 6) + "101201", "一村", "VILLAGE");
        String village2 = fixtures.createRegion(town, code.substring(0, 6) + "101202", "二村", "VILLAGE");
        String village3 = fixtures.createRegion(town, code.substring(0, 6) + "101203", "三村", "VILLAGE");
        String community = fixtures.createRegion(street, code.substring(0, 6) + "001001", "一社区", "COMMUNITY");
        String operator = fixtures.createOperator("覆盖测试运营");

        String a = site(fixtures, "A", "MEAL_POINT", village1, operator, "2024-01-01");
        fixtures.open(a, "2024-02-01", "2024-03-31");
        String b = site(fixtures, "B", "MEAL_POINT", village1, operator, "2024-01-01");
        fixtures.open(b, "2024-04-01", "2024-06-30");
        fixtures.changeStatus(b, "SUSPENDED", "2025-06-30", "厨师离职");
        String c = site(fixtures, "C", "MEAL_POINT", village2, operator, "2024-01-01");
        fixtures.open(c, "2024-07-01", "2025-03-31");
        site(fixtures, "F", "MEAL_POINT", village3, operator, "2025-05-01");
        String e = site(fixtures, "E", "CANTEEN", community, operator, "2024-01-01");
        fixtures.open(e, "2024-01-15", "2024-02-28");
        fixtures.changeStatus(e, "CLOSED", "2025-10-31", "与新址合并");
        String k = site(fixtures, "K", "CENTRAL_KITCHEN", community, operator, "2024-01-01");
        fixtures.open(k, "2024-01-02", "2024-01-03");

        GraphQlTester.Response y2024 = coverage(district, 2024);
        y2024.path("coverage.asOf").entity(String.class).isEqualTo("2024-12-31");
        y2024.path("coverage.rows[*].region.name").entityList(String.class).containsExactly("覆盖测试区", "覆盖测试街道", "覆盖测试镇");
        assertRow(y2024, 0, 4, 2, 0.5, 3, 3, 1.0);
        assertRow(y2024, 1, 1, 1, 1.0, 1, 1, 1.0);
        assertRow(y2024, 2, 3, 1, 0.3333, 2, 2, 1.0);
        y2024.path("coverage.rows[2].sitesByStatus").entityList(Map.class).satisfies(counts -> assertThat(counts)
                .contains(Map.of("status", "OPERATING", "count", 2), Map.of("status", "BUILDING", "count", 1),
                        Map.of("status", "PLANNED", "count", 0)));

        setTarget(town, 2025, "OPERATING_RATE", 0.8);
        setTarget(district, 2025, "COVERAGE", 0.4);
        GraphQlTester.Response y2025 = coverage(district, 2025);
        assertRow(y2025, 0, 4, 2, 0.5, 2, 4, 0.5);
        assertRow(y2025, 1, 1, 0, 0.0, 0, 1, 0.0);
        assertRow(y2025, 2, 3, 2, 0.6667, 2, 3, 0.6667);
        y2025.path("coverage.rows[0].targets[0]").entity(Map.class)
                .isEqualTo(Map.of("metric", "COVERAGE", "target", 0.4, "actual", 0.5, "gap", 0.0, "met", true));
        y2025.path("coverage.rows[2].targets[0]").entity(Map.class)
                .isEqualTo(Map.of("metric", "OPERATING_RATE", "target", 0.8, "actual", 0.6667, "gap", 0.1333, "met", false));
        y2025.path("coverage.rows[1].targets").entityList(Object.class).hasSize(0);

        coverage(town, 2025).path("coverage.rows[*].region.name").entityList(String.class)
                .containsExactly("覆盖测试镇", "一村", "二村", "三村");
        coverage(town, 2025).path("coverage.rows[3].coveredCommunities").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldAnswerForTheDemoDistrictAndItsTownsTargets() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        GraphQlTester.Response response = as("finance").documentName("coverage").variable("regionId", yibin).variable("year", 2025).execute();
        response.path("coverage.rows").entityList(Object.class).hasSize(7);
        response.path("coverage.rows[0].targets[0].metric").entity(String.class).isEqualTo("COVERAGE");
        response.path("coverage.rows[4].region.name").entity(String.class).isEqualTo("寇店镇");
        response.path("coverage.rows[4].targets[*].metric").entityList(String.class).containsExactly("OPERATING_RATE");
    }

    @Test
    void shouldValidateTargetsAndLetOnlyAdminsSetThem() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        for (Map<String, Object> input : List.<Map<String, Object>>of(
                Map.of("regionId", yibin, "year", 2025, "metric", "COVERAGE", "target", 1.5),
                Map.of("regionId", yibin, "year", 2025, "metric", "COVERAGE", "target", 0.12345),
                Map.of("regionId", yibin, "year", 1999, "metric", "COVERAGE", "target", 0.5))) {
            as("admin").documentName("setCoverageTarget").variable("input", input).execute()
                    .path("setCoverageTarget.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        }
        as("finance").documentName("setCoverageTarget")
                .variable("input", Map.of("regionId", yibin, "year", 2025, "metric", "COVERAGE", "target", 0.5)).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        as("admin").documentName("coverage").variable("regionId", yibin).variable("year", 1800).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
    }

    private String site(NetworkFixtures fixtures, String name, String kind, String communityId, String operatorId, String plannedOn) {
        String id = fixtures.createSite("覆盖" + name, kind, communityId, operatorId, null, null);
        fixtures.backdatePlanned(id, plannedOn);
        return id;
    }

    private void setTarget(String regionId, int year, String metric, double target) {
        as("admin").documentName("setCoverageTarget")
                .variable("input", Map.of("regionId", regionId, "year", year, "metric", metric, "target", target)).execute()
                .path("setCoverageTarget.userErrors").entityList(Object.class).hasSize(0)
                .path("setCoverageTarget.target.target").entity(Double.class).isEqualTo(target);
    }

    private GraphQlTester.Response coverage(String regionId, int year) {
        return as("inspector").documentName("coverage").variable("regionId", regionId).variable("year", year).execute();
    }

    private static void assertRow(GraphQlTester.Response response, int row, int communities, int covered, double coverage,
                                  int operating, int built, double rate) {
        String path = "coverage.rows[" + row + "].";
        response.path(path + "communities").entity(Integer.class).isEqualTo(communities)
                .path(path + "coveredCommunities").entity(Integer.class).isEqualTo(covered)
                .path(path + "coverage").entity(Double.class).isEqualTo(coverage)
                .path(path + "operatingSites").entity(Integer.class).isEqualTo(operating)
                .path(path + "builtSites").entity(Integer.class).isEqualTo(built)
                .path(path + "operatingRate").entity(Double.class).isEqualTo(rate);
    }
}
