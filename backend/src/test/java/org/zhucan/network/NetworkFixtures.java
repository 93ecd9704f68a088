package org.zhucan.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds fresh registry data through the API for network tests: every call makes new codes, so
 * tests never collide with the demo data or with earlier runs against the same database.
 */
public final class NetworkFixtures {

    private final HttpGraphQlTester admin;
    private final JdbcTemplate jdbc;

    public NetworkFixtures(HttpGraphQlTester admin, JdbcTemplate jdbc) {
        this.admin = admin;
        this.jdbc = jdbc;
    }

    /** A valid, unused unified social credit code. */
    public String freshCreditCode() {
        while (true) {
            StringBuilder first17 = new StringBuilder("91410300MA");
            String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
            for (int i = 0; i < 7; i++) {
                first17.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            String code = first17.toString() + CreditCode.checkCharacter(first17.toString());
            if (jdbc.queryForObject("SELECT COUNT(*) FROM operator WHERE credit_code = ?", Integer.class, code) == 0) {
                return code;
            }
        }
    }

    /** An unused district code: 6 digits of its own, then 000000. */
    public String freshDistrictCode() {
        while (true) {
            String code = String.format("%04d%02d000000", 1100 + ThreadLocalRandom.current().nextInt(8000),
                    1 + ThreadLocalRandom.current().nextInt(98));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE division_code LIKE ?", Integer.class,
                    code.substring(0, 6) + "%") == 0) {
                return code;
            }
        }
    }

    /**
     * A district of its own (a fresh code) with one town and one village in it, named prefix + 区, 镇
     * and 村: a test world's ground, so that its district-wide figures see nothing of other tests.
     */
    public District district(String prefix) {
        String code = freshDistrictCode();
        String district = createRegion(null, code, prefix + "区", "DISTRICT");
        String town = createRegion(district, code.substring(0, 6) + "101000", prefix + "镇", "TOWN");
        String village = createRegion(town, code.substring(0, 6) + "101201", prefix + "村", "VILLAGE");
        return new District(district, village);
    }

    /** A district's id and the id of the village in it. */
    public record District(String districtId, String villageId) {
    }

    public String createRegion(String parentId, String code, String name, String level) {
        return admin.documentName("createRegion")
                .variable("input", input("parentId", parentId, "divisionCode", code, "name", name, "level", level))
                .execute()
                .path("createRegion.userErrors").entityList(Object.class).hasSize(0)
                .path("createRegion.region.id").entity(String.class).get();
    }

    public String createOperator(String name) {
        return admin.documentName("createOperator")
                .variable("input", Map.of("name", name, "creditCode", freshCreditCode(), "kind", "CATERING_ENTERPRISE",
                        "contactName", "张经理", "contactPhone", "13812345678"))
                .execute()
                .path("createOperator.userErrors").entityList(Object.class).hasSize(0)
                .path("createOperator.operator.id").entity(String.class).get();
    }

    public String createSite(String name, String kind, String communityId, String operatorId, Double lat, Double lng) {
        Map<String, Object> site = new java.util.HashMap<>(Map.of(
                "name", name, "kind", kind, "communityId", communityId, "operatorId", operatorId, "address", name + "门口",
                "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 30)),
                "fulfilments", List.of(Map.of("mode", "DINE_IN"), Map.of("mode", "DELIVERY", "fee", "2.00"))));
        if (lat != null) {
            site.put("latitude", lat);
            site.put("longitude", lng);
        }
        org.zhucan.testsupport.Contracts.cover(jdbc, operatorId, communityId);
        return admin.documentName("createSite").variable("input", site).execute()
                .path("createSite.userErrors").entityList(Object.class).hasSize(0)
                .path("createSite.site.id").entity(String.class).get();
    }

    public void changeStatus(String siteId, String status, String effectiveOn, String reason) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("siteId", siteId, "status", status, "effectiveOn", effectiveOn));
        if (reason != null) {
            input.put("reason", reason);
        }
        admin.documentName("changeSiteStatus").variable("input", input).execute()
                .path("changeSiteStatus.userErrors").entityList(Object.class).hasSize(0);
    }

    /** Moves a new site to OPERATING, built and opened on the given days. */
    public void open(String siteId, String buildingOn, String operatingOn) {
        changeStatus(siteId, "BUILDING", buildingOn, null);
        changeStatus(siteId, "OPERATING", operatingOn, null);
    }

    /** Status history dates must not precede the PLANNED row, which createSite writes for today. */
    public void backdatePlanned(String siteId, String plannedOn) {
        jdbc.update("UPDATE site_status_change SET effective_on = ? WHERE site_id = ? AND to_status = 'PLANNED'",
                java.sql.Date.valueOf(plannedOn), Long.valueOf(siteId));
    }

    public static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
