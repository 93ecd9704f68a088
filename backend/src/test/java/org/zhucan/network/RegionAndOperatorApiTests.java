package org.zhucan.network;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.network.NetworkFixtures.input;

class RegionAndOperatorApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    NetworkFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new NetworkFixtures(as("admin"), jdbc);
    }

    @Test
    void shouldListRootsAndChildrenForEveryRole() {
        for (String user : List.of("admin", "finance", "operator", "inspector", "family")) {
            List<String> roots = as(user).documentName("networkRegions").execute()
                    .path("regions[*].name").entityList(String.class).get();
            assertThat(roots).contains("河南省").doesNotContain("伊滨区");
        }
        String yibin = jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class);
        as("family").documentName("networkRegions").variable("parentId", yibin).execute()
                .path("regions[*].name").entityList(String.class).containsExactly("孝文街道", "李村街道", "光武街道", "寇店镇", "庞村镇", "新诸葛镇")
                .path("regions[0].parent.name").entity(String.class).isEqualTo("伊滨区")
                .path("regions[3].children[*].name").entityList(String.class).contains("寇店村", "孙密村");
    }

    @Test
    void shouldCreateARegionTreeWithContinuingCodes() {
        String district = fixtures.freshDistrictCode();
        String districtId = fixtures.createRegion(null, district, "测试区", "DISTRICT");
        String town = district.substring(0, 6) + "101000";
        String townId = fixtures.createRegion(districtId, town, "测试镇", "TOWN");
        as("admin").documentName("createRegion")
                .variable("input", input("parentId", townId, "divisionCode", town.substring(0, 9) + "201", "name", "测试村", "level", "VILLAGE"))
                .execute()
                .path("createRegion.region.parent.name").entity(String.class).isEqualTo("测试镇")
                .path("createRegion.region.level").entity(String.class).isEqualTo("VILLAGE");
    }

    @Test
    void shouldRejectBadDivisionCodesAndLevels() {
        String district = fixtures.freshDistrictCode();
        String districtId = fixtures.createRegion(null, district, "校验区", "DISTRICT");
        assertUserError("createRegion", input("parentId", districtId, "divisionCode", "41037110100", "name", "x", "level", "TOWN"),
                "INVALID_DIVISION_CODE", List.of("input", "divisionCode"));
        assertUserError("createRegion", input("parentId", districtId, "divisionCode", "999999101000", "name", "x", "level", "TOWN"),
                "INVALID_DIVISION_CODE", List.of("input", "divisionCode"));
        assertUserError("createRegion", input("parentId", districtId, "divisionCode", district.substring(0, 6) + "101001", "name", "x",
                "level", "TOWN"), "INVALID_DIVISION_CODE", List.of("input", "divisionCode"));
        assertUserError("createRegion", input("parentId", districtId, "divisionCode", district.substring(0, 6) + "101001", "name", "x",
                "level", "VILLAGE"), "INVALID_REGION_LEVEL", List.of("input", "level"));
        assertUserError("createRegion", input("divisionCode", district, "name", "重复", "level", "DISTRICT"),
                "DUPLICATE_DIVISION_CODE", List.of("input", "divisionCode"));
        as("admin").documentName("createRegion")
                .variable("input", input("parentId", "987654321", "divisionCode", "410371109000", "name", "x", "level", "TOWN"))
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void shouldLetOnlyAdminsWriteTheRegistry() {
        for (String user : List.of("finance", "operator", "inspector", "family")) {
            as(user).documentName("createOperator")
                    .variable("input", Map.of("name", "x", "creditCode", fixtures.freshCreditCode(), "kind", "CATERING_ENTERPRISE"))
                    .execute().errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
            as(user).documentName("createRegion")
                    .variable("input", input("divisionCode", fixtures.freshDistrictCode(), "name", "x", "level", "DISTRICT"))
                    .execute().errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        }
    }

    @Test
    void shouldCreateAndUpdateAnOperatorAndAuditIt() {
        String code = fixtures.freshCreditCode();
        String id = as("admin").documentName("createOperator")
                .variable("input", Map.of("name", "伊滨幸福餐饮", "creditCode", code.toLowerCase(), "kind", "CATERING_ENTERPRISE",
                        "contactName", "李经理", "contactPhone", "13912345678"))
                .execute()
                .path("createOperator.operator.creditCode").entity(String.class).isEqualTo(code)
                .path("createOperator.operator.contactPhone").entity(String.class).isEqualTo("13912345678")
                .path("createOperator.operator.id").entity(String.class).get();
        as("admin").documentName("updateOperator")
                .variable("input", Map.of("operatorId", id, "name", "伊滨幸福餐饮管理有限公司", "kind", "SOCIAL_ORGANISATION"))
                .execute()
                .path("updateOperator.operator.name").entity(String.class).isEqualTo("伊滨幸福餐饮管理有限公司")
                .path("updateOperator.operator.kind").entity(String.class).isEqualTo("SOCIAL_ORGANISATION")
                .path("updateOperator.operator.creditCode").entity(String.class).isEqualTo(code);
        as("admin").documentName("auditLog").variable("filter", Map.of("entityType", "Operator", "entityId", id)).execute()
                .path("auditLog.edges[*].node.action").entityList(String.class).containsExactly("OPERATOR_UPDATED", "OPERATOR_CREATED");
    }

    @Test
    void shouldMaskTheContactPhoneForEveryoneButAdmins() {
        String id = fixtures.createOperator("遮盖测试");
        as("admin").documentName("networkOperator").variable("id", id).execute().path("operator.contactPhone").entity(String.class).isEqualTo("13812345678");
        for (String user : List.of("finance", "operator", "inspector", "family")) {
            as(user).documentName("networkOperator").variable("id", id).execute().path("operator.contactPhone").entity(String.class).isEqualTo("138****5678");
        }
    }

    @Test
    void shouldRejectBadAndDuplicateCreditCodes() {
        assertUserError("createOperator", Map.of("name", "x", "creditCode", "91410300MA9GCY0B2E", "kind", "CATERING_ENTERPRISE"),
                "INVALID_CREDIT_CODE", List.of("input", "creditCode"));
        assertUserError("createOperator", Map.of("name", "x", "creditCode", "91410300MA9GCY0B2D", "kind", "CATERING_ENTERPRISE"),
                "DUPLICATE_CREDIT_CODE", List.of("input", "creditCode"));
    }

    @Test
    void shouldAssignContractsToADistrictOrItsCommunities() {
        String operatorId = fixtures.createOperator("合同测试");
        // a district of its own: demo communities are all under contract, and two contracts never cover one community on one day
        NetworkFixtures.District fresh = fixtures.district("合同区测试");
        String district = fresh.districtId();
        String kouDian = jdbc.queryForObject("SELECT id FROM region WHERE name = '寇店镇'", String.class);
        String villageName = jdbc.queryForObject("SELECT name FROM region WHERE id = ?", String.class, Long.valueOf(fresh.villageId()));
        String village = fresh.villageId();
        as("admin").documentName("assignOperatorContract")
                .variable("input", Map.of("operatorId", operatorId, "districtId", district, "communityIds", List.of(village),
                        "validFrom", "2025-01-01", "validTo", "2027-12-31"))
                .execute()
                .path("assignOperatorContract.contract.district.name").entity(String.class).isEqualTo("合同区测试区")
                .path("assignOperatorContract.contract.communities[*].name").entityList(String.class).containsExactly(villageName);
        assertUserError("assignOperatorContract", Map.of("operatorId", operatorId, "districtId", kouDian, "validFrom", "2025-01-01"),
                "INVALID_REGION_LEVEL", List.of("input", "districtId"));
        assertUserError("assignOperatorContract", Map.of("operatorId", operatorId, "districtId", district, "communityIds", List.of(kouDian),
                "validFrom", "2025-01-01"), "INVALID_REGION_LEVEL", List.of("input", "communityIds"));
        assertUserError("assignOperatorContract", Map.of("operatorId", operatorId, "districtId", district, "validFrom", "2025-01-01",
                "validTo", "2024-12-31"), "INVALID_DATE_RANGE", List.of("input", "validTo"));
        as("finance").documentName("networkOperator").variable("id", operatorId)
                .execute()
                .path("operator.contracts").entityList(Object.class).hasSize(1)
                .path("operator.contracts[0].validTo").entity(String.class).isEqualTo("2027-12-31");
    }

    @Test
    void shouldPageOperatorsByNameWithoutRepeatsOrGaps() {
        String prefix = "分页" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            fixtures.createOperator(prefix + "-" + i);
        }
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            var response = as("operator").documentName("networkOperators").variable("filter", Map.of("text", prefix)).variable("first", 2)
                    .variable("after", after).execute();
            response.path("operators.totalCount").entity(Integer.class).isEqualTo(5);
            seen.addAll(response.path("operators.edges[*].node.name").entityList(String.class).get());
            after = response.path("operators.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? response.path("operators.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(seen).containsExactly(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");
    }

    private void assertUserError(String mutation, Map<String, Object> input, String code, List<String> field) {
        as("admin").documentName(mutation).variable("input", input).execute()
                .path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo(code)
                .path(mutation + ".userErrors[0].field").entityList(String.class).isEqualTo(field);
    }
}
