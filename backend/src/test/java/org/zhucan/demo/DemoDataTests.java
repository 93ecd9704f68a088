package org.zhucan.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTests extends ApiTest {

    @Autowired
    DemoDataLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldLoadYibinDistrictWithItsStreetsAndTowns() {
        List<String> children = jdbc.queryForList("""
                SELECT c.name FROM region c JOIN region d ON c.parent_id = d.id
                WHERE d.division_code = '410371000000' ORDER BY c.division_code""", String.class);
        assertThat(children).containsExactly("孝文街道", "李村街道", "光武街道", "寇店镇", "庞村镇", "新诸葛镇");

        assertThat(villagesOf("寇店镇")).contains("寇店村", "舜帝庙村", "二教塔村", "西朱村", "孙密村").hasSize(22);
        assertThat(villagesOf("庞村镇")).contains("军屯村", "彭店寨村").hasSize(14);
        assertThat(villagesOf("新诸葛镇")).contains("耿沟村", "西山张村", "苏沟村").hasSize(17);
        assertThat(villagesOf("孝文街道")).contains("西韩社区", "诸葛社区", "西马社区");
    }

    @Test
    void shouldHaveTwoOperatorsAndOneAccountPerRole() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator WHERE credit_code IN ('91410300MA9GCY0B2D', '91410300MA9LB5XJ7N')",
                Integer.class)).isEqualTo(2);
        List<Map<String, Object>> roles = jdbc.queryForList("""
                SELECT u.username, r.role FROM app_user u JOIN app_user_role r ON r.user_id = u.id
                WHERE u.username IN ('admin', 'finance', 'operator', 'inspector', 'family', 'street', 'hotline') ORDER BY u.username""");
        assertThat(roles).extracting(row -> row.get("username") + ":" + row.get("role"))
                .containsExactly("admin:ADMIN", "family:DINER", "finance:FINANCE", "hotline:HOTLINE", "inspector:INSPECTOR", "operator:OPERATOR",
                        "street:STREET_STAFF");
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(u.username, ':', r.name) FROM app_user u JOIN region r ON r.id = u.region_id
                WHERE u.username IN ('street', 'hotline', 'yanshi_finance', 'yanshi_inspector', 'yanshi_street', 'city_hotline')
                ORDER BY u.username""", String.class))
                .containsExactly("city_hotline:洛阳市", "hotline:伊滨区", "street:寇店镇", "yanshi_finance:偃师区", "yanshi_inspector:偃师区",
                        "yanshi_street:商城街道");
    }

    @Test
    void shouldHaveEveryMealPointOfTheLedgerAndACentralKitchen() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE name LIKE '%助餐点' OR name = '孝文街道长者食堂'", Integer.class))
                .isEqualTo(57);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE kind = 'CENTRAL_KITCHEN' AND name = '伊滨区中央厨房'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM site s JOIN site_status_change h ON h.site_id = s.id
                WHERE h.id = (SELECT MAX(h2.id) FROM site_status_change h2 WHERE h2.site_id = s.id) AND h.to_status <> s.status
                """, Integer.class)).as("sites whose status is not their last change").isZero();
    }

    @Test
    void shouldGiveTheQualityFeaturesTwoWeeksOfHistoryToShow() {
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        String month = java.time.YearMonth.from(java.time.LocalDate.now(org.zhucan.common.time.BusinessTime.ZONE).minusDays(1)).toString();
        List<String> ranked = as("inspector").documentName("demoOperatorEvaluations").variable("district", yibin).variable("month", month).execute()
                .path("operatorEvaluations.evaluations[*].operator.name").entityList(String.class).get();
        // the state platform keeps its samples, inspections and diners better than the catering company
        assertThat(ranked).containsSubsequence("伊滨国创养老服务有限公司", "洛阳颐康餐饮管理有限公司");

        Map<String, Object> totals = jdbc.queryForMap("""
                SELECT (SELECT COUNT(*) FROM meal_rating) AS ratings, (SELECT COUNT(*) FROM inspection) AS inspections,
                       (SELECT COUNT(*) FROM sample_retention) AS samples""");
        assertThat(totals.values()).allSatisfy(count -> assertThat(((Number) count).longValue()).isPositive());
        as("finance").documentName("demoDistrictDashboard")
                .variable("district", yibin).execute()
                .path("districtDashboard.days[0].budget").entity(String.class).matches(budget -> !budget.isEmpty())
                .path("districtDashboard.days[*].mealsServed").entityList(Integer.class).satisfies(meals -> assertThat(meals).anyMatch(n -> n > 0))
                .path("districtDashboard.days[*].missingSampleLogs").entityList(Integer.class).satisfies(gaps -> assertThat(gaps).anyMatch(n -> n > 0));
        as("family").documentName("mealsToRate").execute()
                .path("mealsToRate").entityList(Object.class).hasSizeGreaterThan(0);
    }

    @Test
    void shouldChangeNothingWhenLoadedAgain() throws Exception {
        Map<String, Object> before = counts();
        loader.load();
        loader.load();
        assertThat(counts()).isEqualTo(before);
    }

    private List<String> villagesOf(String parentName) {
        return jdbc.queryForList("""
                SELECT c.name FROM region c JOIN region p ON c.parent_id = p.id
                WHERE p.name = ? ORDER BY c.division_code""", String.class, parentName);
    }

    private Map<String, Object> counts() {
        return jdbc.queryForMap("""
                SELECT (SELECT COUNT(*) FROM region) AS regions, (SELECT COUNT(*) FROM operator) AS operators,
                       (SELECT COUNT(*) FROM app_user) AS users, (SELECT COUNT(*) FROM app_user_role) AS roles,
                       (SELECT COUNT(*) FROM site) AS sites, (SELECT COUNT(*) FROM site_slot) AS slots,
                       (SELECT COUNT(*) FROM site_fulfilment) AS fulfilments, (SELECT COUNT(*) FROM site_status_change) AS changes,
                       (SELECT COUNT(*) FROM coverage_target) AS targets,
                       (SELECT COUNT(*) FROM meal_record WHERE recorded_by = 'demo') AS demo_meals,
                       (SELECT COUNT(*) FROM inspection WHERE inspector = 'inspector') AS demo_inspections,
                       (SELECT COUNT(*) FROM evaluation_weights) AS weights""");
    }
}
