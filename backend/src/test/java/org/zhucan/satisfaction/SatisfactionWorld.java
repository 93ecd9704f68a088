package org.zhucan.satisfaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;

import static org.zhucan.testsupport.DistrictWorld.today;

/**
 * A district of its own for rating tests, so that its sites' and operators' figures hold nothing
 * of other tests: a town and a village; operator O with canteens A and B, operator P with canteen
 * C, all OPERATING and serving lunch 11:00–13:00 with 套餐A at 10.00 on the menus of today and
 * tomorrow; two family accounts (the first acts for three diners, the second for one); and staff
 * accounts of O, P and of the district, plus finance and inspector of another district. Every
 * account is logged in here, before any test moves the clock.
 */
final class SatisfactionWorld {

    final String districtId;
    final String villageId;
    final String operatorO;
    final String operatorP;
    final String siteA;
    final String siteB;
    final String siteC;
    final String staffO;
    final String staffP;
    final String finance;
    final String inspector;
    final String farFinance;
    final String farInspector;
    final String family;
    final String otherFamily;
    final List<String> familyDiners = new ArrayList<>();
    final String otherFamilyDiner;

    private final Function<String, HttpGraphQlTester> as;
    private final JdbcTemplate jdbc;
    private final DinerFixtures diners;

    SatisfactionWorld(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc) {
        this.as = as;
        this.jdbc = jdbc;
        HttpGraphQlTester admin = as.apply("admin");
        NetworkFixtures network = new NetworkFixtures(admin, jdbc);
        this.diners = new DinerFixtures(admin, jdbc);
        NetworkFixtures.District district = network.district("评价测试");
        districtId = district.districtId();
        villageId = district.villageId();
        String farCode = network.freshDistrictCode();
        String farDistrict = network.createRegion(null, farCode, "评价测试外区", "DISTRICT");
        operatorO = network.createOperator("评价测试餐饮公司" + System.nanoTime());
        operatorP = network.createOperator("评价测试配餐公司" + System.nanoTime());
        siteA = Canteens.open(admin, jdbc, villageId, operatorO, "评价测试食堂甲", today(), today().plusDays(1));
        siteB = Canteens.open(admin, jdbc, villageId, operatorO, "评价测试食堂乙", today(), today().plusDays(1));
        siteC = Canteens.open(admin, jdbc, villageId, operatorP, "评价测试食堂丙", today(), today().plusDays(1));
        staffO = account("OPERATOR", operatorO, null);
        staffP = account("OPERATOR", operatorP, null);
        finance = account("FINANCE", null, districtId);
        inspector = account("INSPECTOR", null, districtId);
        farFinance = account("FINANCE", null, farDistrict);
        farInspector = account("INSPECTOR", null, farDistrict);
        family = TestAccounts.create(jdbc, "DINER", null, null, "评价测试家属");
        otherFamily = TestAccounts.create(jdbc, "DINER", null, null, "评价测试家属乙");
        for (int i = 0; i < 3; i++) {
            String diner = diner();
            link(family, diner);
            familyDiners.add(diner);
        }
        otherFamilyDiner = diner();
        link(otherFamily, otherFamilyDiner);
        as.apply(family);
        as.apply(otherFamily);
    }

    /** An ACTIVE diner of the village aged 65 to 75, acted for by no account yet. */
    String diner() {
        return diners.registerActiveSince2020("评价老人", villageId, DinerFixtures.randomBirthDate(1952, 10), List.of(), null);
    }

    /** A new diner the first family account acts for. */
    String familyDiner() {
        String diner = diner();
        link(family, diner);
        familyDiners.add(diner);
        return diner;
    }

    /** Logs a walk-in's 套餐A at the site's lunch, served at the time given, by ADMIN; returns the record id. */
    String serve(String site, String diner, String servedAt) {
        return Canteens.serveWalkIn(as.apply("admin"), site, diner, servedAt);
    }

    /** Voids a record by ADMIN; returns the reversal's id. */
    String voidRecord(String recordId) {
        return as.apply("admin").documentName("voidMealRecord")
                .variable("input", Map.of("idempotencyKey", "k-" + UUID.randomUUID(), "recordId", recordId, "reason", "重复录入"))
                .execute()
                .path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("voidMealRecord.reversal.id").entity(String.class).get();
    }

    /** rateMeal by the account given, with the tags and comment given (null leaves them out). */
    GraphQlTester.Response rate(String account, String recordId, int score, List<String> tags, String comment) {
        Map<String, Object> input = new HashMap<>(Map.of("mealRecordId", recordId, "score", score));
        if (tags != null) {
            input.put("tags", tags);
        }
        if (comment != null) {
            input.put("comment", comment);
        }
        return as.apply(account).documentName("rateMeal").variable("input", input).execute();
    }

    /** rateMeal that must succeed; returns the rating. */
    @SuppressWarnings("unchecked")
    Map<String, Object> rated(String account, String recordId, int score, List<String> tags, String comment) {
        return rate(account, recordId, score, tags, comment)
                .path("rateMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("rateMeal.rating").entity(Map.class).get();
    }

    private void link(String account, String diner) {
        Canteens.linkFamily(as.apply("admin"), account, diner);
    }

    /** A new account holding one role, with the demo password, logged in now (before any test moves the clock). */
    private String account(String role, String operator, String region) {
        return TestAccounts.loggedIn(as, jdbc, role, operator, region, "评价测试账号");
    }
}
