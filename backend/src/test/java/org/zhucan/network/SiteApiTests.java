package org.zhucan.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class SiteApiTests extends ApiTest {

    private static final String DEMO_OPERATOR = "91410300MA9GCY0B2D";

    @Autowired
    JdbcTemplate jdbc;

    NetworkFixtures fixtures;
    String communityId;
    String townId;
    String demoOperatorId;

    @BeforeEach
    void fixtures() {
        fixtures = new NetworkFixtures(as("admin"), jdbc);
        communityId = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        townId = jdbc.queryForObject("SELECT id FROM region WHERE name = '寇店镇'", String.class);
        demoOperatorId = jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = ?", String.class, DEMO_OPERATOR);
    }

    @Test
    void shouldCreateAPlannedSiteWithSlotsAndFulfilment() {
        org.zhucan.testsupport.Contracts.cover(jdbc, demoOperatorId, communityId);
        as("admin").documentName("createSite")
                .variable("input", Map.of("name", "西韩幸福食堂", "kind", "CANTEEN", "communityId", communityId,
                        "operatorId", demoOperatorId, "address", "西韩社区党群服务中心", "latitude", 34.615, "longitude", 112.581,
                        "plannedOpenOn", "2026-12-31",
                        "slots", List.of(Map.of("slot", "DINNER", "servesFrom", "17:00", "servesTo", "18:30", "seats", 20),
                                Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 40)),
                        "fulfilments", List.of(Map.of("mode", "DELIVERY", "fee", "3.5"), Map.of("mode", "DINE_IN"))))
                .execute()
                .path("createSite.userErrors").entityList(Object.class).hasSize(0)
                .path("createSite.site.status").entity(String.class).isEqualTo("PLANNED")
                .path("createSite.site.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("createSite.site.slots[*].slot").entityList(String.class).containsExactly("LUNCH", "DINNER")
                .path("createSite.site.slots[0].servesFrom").entity(String.class).isEqualTo("11:00")
                .path("createSite.site.fulfilments[*].fee").entityList(String.class).containsExactly("0.00", "3.50")
                .path("createSite.site.statusHistory[0].toStatus").entity(String.class).isEqualTo("PLANNED");
    }

    @Test
    void shouldRejectInvalidSites() {
        Map<String, Object> valid = Map.of("name", "校验点", "kind", "MEAL_POINT", "communityId", communityId,
                "operatorId", demoOperatorId, "address", "某处");
        assertUserError(with(valid, "communityId", townId), "INVALID_REGION_LEVEL", List.of("input", "communityId"));
        assertUserError(with(valid, "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "13:00", "servesTo", "11:00", "seats", 5))),
                "INVALID_INPUT", List.of("input", "slots", "0", "servesTo"));
        assertUserError(with(valid, "latitude", 91.0), "INVALID_INPUT", List.of("input", "latitude"));
        String mealPoint = jdbc.queryForObject("SELECT id FROM site WHERE name = '马寨助餐点'", String.class);
        assertUserError(with(valid, "suppliedById", mealPoint), "INVALID_SUPPLIER", List.of("input", "suppliedById"));
        as("admin").documentName("createSite").variable("input", with(valid, "communityId", "987654321")).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void shouldWalkTheStatusLifeAndRefuseIllegalSteps() {
        String siteId = fixtures.createSite("状态测试点", "MEAL_POINT", communityId, demoOperatorId, null, null);
        fixtures.backdatePlanned(siteId, "2025-01-01");
        changeStatusError(siteId, "OPERATING", "2025-02-01", null, "ILLEGAL_STATUS_TRANSITION");
        fixtures.changeStatus(siteId, "BUILDING", "2025-02-01", null);
        changeStatusError(siteId, "OPERATING", "2025-01-15", null, "INVALID_DATE_RANGE");
        fixtures.changeStatus(siteId, "OPERATING", "2025-03-31", null);
        changeStatusError(siteId, "SUSPENDED", "2025-06-30", null, "INVALID_INPUT");
        changeStatusError(siteId, "OPERATING", "2025-06-30", null, "ILLEGAL_STATUS_TRANSITION");
        fixtures.changeStatus(siteId, "SUSPENDED", "2025-06-30", "厨师离职");
        fixtures.changeStatus(siteId, "OPERATING", "2025-09-30", null);
        as("admin").documentName("changeSiteStatus")
                .variable("input", Map.of("siteId", siteId, "status", "CLOSED", "effectiveOn", "2025-12-31", "reason", "与新址合并"))
                .execute()
                .path("changeSiteStatus.site.status").entity(String.class).isEqualTo("CLOSED")
                .path("changeSiteStatus.site.openedOn").entity(String.class).isEqualTo("2025-03-31")
                .path("changeSiteStatus.site.closedOn").entity(String.class).isEqualTo("2025-12-31")
                .path("changeSiteStatus.site.statusReason").entity(String.class).isEqualTo("与新址合并")
                .path("changeSiteStatus.site.statusHistory[*].toStatus").entityList(String.class)
                .containsExactly("PLANNED", "BUILDING", "OPERATING", "SUSPENDED", "OPERATING", "CLOSED")
                .path("changeSiteStatus.site.statusHistory[5].changedBy").entity(String.class).isEqualTo("admin");
        changeStatusError(siteId, "OPERATING", "2026-01-31", null, "ILLEGAL_STATUS_TRANSITION");
        changeStatusError(fixtures.createSite("未来日期点", "MEAL_POINT", communityId, demoOperatorId, null, null),
                "BUILDING", "2999-01-01", null, "INVALID_DATE_RANGE");
        as("admin").documentName("auditLog").variable("filter", Map.of("entityType", "Site", "entityId", siteId,
                "action", "SITE_STATUS_CHANGED")).execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void shouldLetOperatorStaffChangeOnlySlotsAndFulfilmentOfTheirOwnSites() {
        String own = fixtures.createSite("本单位点", "MEAL_POINT", communityId, demoOperatorId, null, null);
        String foreign = fixtures.createSite("他单位点", "MEAL_POINT", communityId, fixtures.createOperator("他单位"), null, null);
        as("operator").documentName("updateSite")
                .variable("input", Map.of("siteId", own,
                        "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "10:30", "servesTo", "12:30", "seats", 45)),
                        "fulfilments", List.of(Map.of("mode", "PICKUP"))))
                .execute()
                .path("updateSite.userErrors").entityList(Object.class).hasSize(0)
                .path("updateSite.site.slots[0].seats").entity(Integer.class).isEqualTo(45)
                .path("updateSite.site.slots[0].servesFrom").entity(String.class).isEqualTo("10:30")
                .path("updateSite.site.fulfilments[*].mode").entityList(String.class).containsExactly("PICKUP");
        assertForbidden("operator", "updateSite", Map.of("siteId", own, "name", "改名"));
        assertForbidden("operator", "updateSite", Map.of("siteId", foreign,
                "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "12:00", "seats", 1))));
        assertForbidden("operator", "changeSiteStatus", Map.of("siteId", own, "status", "BUILDING", "effectiveOn", "2026-01-01"));
        assertForbidden("finance", "updateSite", Map.of("siteId", own, "fulfilments", List.of()));
        as("admin").documentName("updateSite")
                .variable("input", Map.of("siteId", foreign, "name", "他单位点（改）", "address", "新地址"))
                .execute()
                .path("updateSite.site.name").entity(String.class).isEqualTo("他单位点（改）")
                .path("updateSite.site.slots[0].slot").entity(String.class).isEqualTo("LUNCH");
    }

    @Test
    void shouldFilterSitesByRegionSubtreeKindStatusSlotFulfilmentAndText() {
        String kouDian = townId;
        List<String> kouDianSites = allSiteNames(Map.of("regionId", kouDian));
        assertThat(kouDianSites).contains("马寨助餐点", "孙密助餐点").doesNotContain("西韩助餐点", "伊滨区中央厨房");
        assertThat(allSiteNames(Map.of("kinds", List.of("CENTRAL_KITCHEN")))).contains("伊滨区中央厨房").allMatch(name -> !name.endsWith("助餐点"));
        assertThat(allSiteNames(Map.of("regionId", kouDian, "statuses", List.of("OPERATING")))).contains("马寨助餐点");
        assertThat(allSiteNames(Map.of("slot", "BREAKFAST"))).contains("孝文街道长者食堂").doesNotContain("马寨助餐点");
        assertThat(allSiteNames(Map.of("fulfilment", "DELIVERY", "regionId", kouDian))).isEmpty();
        assertThat(allSiteNames(Map.of("text", "马寨"))).contains("马寨助餐点");
        assertThat(allSiteNames(Map.of("text", "%"))).isEmpty();
    }

    @Test
    void shouldPageSitesWithoutRepeatsOrGaps() {
        List<String> everything = allSiteIds(Map.of(), 100);
        List<String> paged = allSiteIds(Map.of(), 7);
        assertThat(paged).doesNotHaveDuplicates().isEqualTo(everything);
        assertThat(new HashSet<>(paged)).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class));
    }

    @Test
    void shouldSendTheSameNumberOfStatementsForTenSitesAsForAHundred() {
        String operatorId = fixtures.createOperator("批量测试");
        String supplier = jdbc.queryForObject("SELECT id FROM site WHERE name = '伊滨区中央厨房'", String.class);
        for (int i = 0; i < 100; i++) {
            String siteId = fixtures.createSite("批量点" + i, "MEAL_POINT", communityId, operatorId, null, null);
            jdbc.update("UPDATE site SET supplied_by_id = ? WHERE id = ?", Long.valueOf(supplier), Long.valueOf(siteId));
        }
        as("admin").documentName("assignOperatorContract").variable("input", Map.of("operatorId", operatorId,
                "districtId", jdbc.queryForObject("SELECT id FROM region WHERE division_code = '410371000000'", String.class),
                "validFrom", "2025-01-01")).execute();
        assertStatementsDoNotGrow(() -> deepStatements(operatorId, 10), () -> deepStatements(operatorId, 100));
    }

    @Test
    void shouldFindNearbyOperatingSitesNearestFirstWithinTheRadius() {
        double lat = 25 + ThreadLocalRandom.current().nextDouble(10);
        double lng = 90 + ThreadLocalRandom.current().nextDouble(10);
        double metresPerDegree = 111_320;
        String far = fixtures.createSite("远点", "MEAL_POINT", communityId, demoOperatorId, lat + 2000 / metresPerDegree, lng);
        String near = fixtures.createSite("近点", "MEAL_POINT", communityId, demoOperatorId, lat + 100 / metresPerDegree, lng);
        String middle = fixtures.createSite("中点", "MEAL_POINT", communityId, demoOperatorId, lat, lng + 500 / (metresPerDegree * Math.cos(Math.toRadians(lat))));
        String notOpen = fixtures.createSite("未开点", "MEAL_POINT", communityId, demoOperatorId, lat + 50 / metresPerDegree, lng);
        for (String siteId : List.of(far, near, middle)) {
            fixtures.open(siteId, today(), today());
        }
        as("family").documentName("nearbySites").variable("lat", lat).variable("lng", lng).variable("radiusMeters", 1000).execute()
                .path("nearbySites[*].site.id").entityList(String.class).containsExactly(near, middle)
                .path("nearbySites[0].distanceMeters").entity(Integer.class).satisfies(d -> assertThat(d).isBetween(95, 105))
                .path("nearbySites[1].distanceMeters").entity(Integer.class).satisfies(d -> assertThat(d).isBetween(490, 510));
        as("family").documentName("nearbySites").variable("lat", lat).variable("lng", lng).variable("radiusMeters", 5000).execute()
                .path("nearbySites[*].site.id").entityList(String.class).containsExactly(near, middle, far).doesNotContain(notOpen);
        as("family").documentName("nearbySites").variable("lat", lat).variable("lng", lng).variable("radiusMeters", 0).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
    }

    private long deepStatements(String operatorId, int first) {
        as("admin").documentName("sitesDeep").variable("filter", Map.of("operatorId", operatorId)).variable("first", first).execute();
        return statementsDuring(() -> as("admin").documentName("sitesDeep").variable("filter", Map.of("operatorId", operatorId))
                .variable("first", first).execute()
                .path("sites.edges").entityList(Object.class).hasSize(first)
                .path("sites.edges[0].node.suppliedBy.name").entity(String.class).isEqualTo("伊滨区中央厨房")
                .path("sites.edges[0].node.community.parent.name").entity(String.class).isEqualTo("孝文街道"));
    }

    private List<String> allSiteNames(Map<String, Object> filter) {
        return walkSites("inspector", filter, 100, "name");
    }

    private List<String> allSiteIds(Map<String, Object> filter, int pageSize) {
        return walkSites("family", filter, pageSize, "id");
    }

    /** Follows endCursor until the last page, collecting one field of every site. */
    private List<String> walkSites(String user, Map<String, Object> filter, int pageSize, String field) {
        List<String> values = new ArrayList<>();
        String after = null;
        do {
            var response = as(user).documentName("sites").variable("filter", filter).variable("first", pageSize).variable("after", after)
                    .execute();
            values.addAll(response.path("sites.edges[*].node." + field).entityList(String.class).get());
            after = response.path("sites.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? response.path("sites.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return values;
    }

    private void changeStatusError(String siteId, String status, String effectiveOn, String reason, String code) {
        Map<String, Object> input = NetworkFixtures.input("siteId", siteId, "status", status, "effectiveOn", effectiveOn, "reason", reason);
        as("admin").documentName("changeSiteStatus").variable("input", input).execute()
                .path("changeSiteStatus.site").valueIsNull()
                .path("changeSiteStatus.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private void assertUserError(Map<String, Object> input, String code, List<String> field) {
        as("admin").documentName("createSite").variable("input", input).execute()
                .path("createSite.userErrors[0].code").entity(String.class).isEqualTo(code)
                .path("createSite.userErrors[0].field").entityList(String.class).isEqualTo(field);
    }

    private void assertForbidden(String user, String mutation, Map<String, Object> input) {
        as(user).documentName(mutation).variable("input", input).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN");
                });
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static String today() {
        return java.time.LocalDate.now(org.zhucan.common.time.BusinessTime.ZONE).toString();
    }
}
