package org.zhucan.subsidy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Score bands of a quality-weighted operating subsidy (绩效考核挂钩档次): written with the policy version,
 * audited with it, read back lowest first; refused with the band and field named when they leave a
 * gap at 0, overlap or repeat, go out of 0..100 or 0..10000, or pay a better score less.
 */
class ScoreBandsApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldKeepValidBandsWithTheVersionAndAuditThem() {
        String district = new NetworkFixtures(as("admin"), jdbc).district("分档测试").districtId();
        String banded = create(district, List.of(band(0, 0), band(60, 6000), band(80, 9000), band(90, 10000)))
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.operatingSubsidy.scoreBands").entityList(Object.class)
                .isEqualTo(List.of(band(0, 0), band(60, 6000), band(80, 9000), band(90, 10000)))
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        create(district, null).path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0);

        as("admin").documentName("qualityWeightedSettlement").operationName("qualityPolicies").variable("districtId", district).execute()
                .path("subsidyPolicies[0].version").entity(Integer.class).isEqualTo(2)
                .path("subsidyPolicies[0].operatingSubsidy.scoreBands").entityList(Object.class).hasSize(0)
                .path("subsidyPolicies[1].operatingSubsidy.scoreBands[3]").entity(Map.class).isEqualTo(band(90, 10000));
        String audited = jdbc.queryForObject("SELECT JSON_EXTRACT(after_state, '$.scoreBands') FROM audit_log "
                + "WHERE action = 'SUBSIDY_POLICY_DRAFTED' AND entity_id = ?", String.class, banded);
        assertThat(audited).contains("\"minScore\"").contains("9000").contains("10000");
        // the bands of a version are its own: the database refuses a second band at the same score
        assertThatThrownBy(() -> jdbc.update("INSERT INTO subsidy_policy_score_band (policy_id, min_score, percent_bp) VALUES (?, 60, 5000)",
                Long.valueOf(banded))).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void shouldRefuseBandsThatLeaveAGapOverlapOrPayABetterScoreLess() {
        String district = new NetworkFixtures(as("admin"), jdbc).district("分档校验").districtId();
        refused(district, List.of(band(10, 0), band(90, 10000)), "0", "minScore");
        refused(district, List.of(band(0, 0), band(90, 10000), band(80, 9000)), "2", "minScore");
        refused(district, List.of(band(0, 0), band(60, 5000), band(60, 6000)), "2", "minScore");
        refused(district, List.of(band(0, 0), band(101, 10000)), "1", "minScore");
        refused(district, List.of(band(0, 0), band(90, 10001)), "1", "percentBasisPoints");
        refused(district, List.of(band(0, -1), band(90, 10000)), "0", "percentBasisPoints");
        refused(district, List.of(band(0, 10000), band(90, 9000)), "1", "percentBasisPoints");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_policy WHERE district_id = ?", Integer.class, Long.valueOf(district)))
                .isZero();
    }

    @Test
    void shouldFindTheBandOfAScoreByItsLowerBoundInclusive() {
        List<ScoreBand> bands = List.of(new ScoreBand(1, 0, 0), new ScoreBand(1, 60, 6000), new ScoreBand(1, 90, 10000));
        assertThat(ScoreBand.of(bands, new BigDecimal("0.00")).percentBasisPoints()).isZero();
        assertThat(ScoreBand.of(bands, new BigDecimal("59.99")).percentBasisPoints()).isZero();
        assertThat(ScoreBand.of(bands, new BigDecimal("60.00")).percentBasisPoints()).isEqualTo(6000);
        assertThat(ScoreBand.of(bands, new BigDecimal("89.99")).percentBasisPoints()).isEqualTo(6000);
        assertThat(ScoreBand.of(bands, new BigDecimal("90")).percentBasisPoints()).isEqualTo(10000);
        assertThat(ScoreBand.of(bands, new BigDecimal("100.00")).percentBasisPoints()).isEqualTo(10000);
        assertThatThrownBy(() -> ScoreBand.of(List.of(new ScoreBand(1, 50, 0)), new BigDecimal("49.99")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void refused(String district, List<Map<String, Object>> bands, String index, String field) {
        create(district, bands).path("createSubsidyPolicy.policy").valueIsNull()
                .path("createSubsidyPolicy.userErrors[0].code").entity(String.class).isEqualTo("INVALID_POLICY")
                .path("createSubsidyPolicy.userErrors[0].field").entityList(String.class)
                .isEqualTo(List.of("input", "operatingSubsidy", "scoreBands", index, field));
    }

    private GraphQlTester.Response create(String district, List<Map<String, Object>> bands) {
        Map<String, Object> operating = new HashMap<>(Map.of("perDinerPerDay", "3.00", "source", "DISTRICT"));
        if (bands != null) {
            operating.put("scoreBands", bands);
        }
        Map<String, Object> input = new HashMap<>(Map.of("districtId", district, "name", "分档政策", "effectiveFrom", "2024-01-01",
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "operatingSubsidy", operating));
        input.put("tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                "shares", List.of(Map.of("source", "DISTRICT", "remainder", true)))));
        return as("admin").documentName("qualityWeightedSettlement").operationName("qualityCreatePolicy").variable("input", input).execute();
    }

    private static Map<String, Object> band(int minScore, int basisPoints) {
        return Map.of("minScore", minScore, "percentBasisPoints", basisPoints);
    }
}
