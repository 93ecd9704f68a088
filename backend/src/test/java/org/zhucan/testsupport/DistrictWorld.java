package org.zhucan.testsupport;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;

/**
 * A district of its own for tests of district-wide figures (settlement, evaluation), so that its
 * statements, budgets, rankings and dashboards see nothing of other tests: a town and a village, a new operator with two OPERATING canteens in
 * the village (套餐A at 10.00 on today's lunch menu), a published policy (LUNCH 5.00 = CITY 2.00 +
 * DISTRICT rest; MIN_LIVING 8.00 = CITY 3.00 + DISTRICT rest; operating subsidy 3.00 per diner-day
 * from DISTRICT), and accounts: the operator's staff and two finance officers of the district.
 */
public final class DistrictWorld {

    public final String districtId;
    public final String villageId;
    public final String operatorId;
    public final String siteA;
    public final String siteB;
    public final String operatorStaff;
    public final String financeA;
    public final String financeB;

    private final Function<String, HttpGraphQlTester> as;
    private final JdbcTemplate jdbc;
    private final DinerFixtures diners;

    public DistrictWorld(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc) {
        this.as = as;
        this.jdbc = jdbc;
        HttpGraphQlTester admin = as.apply("admin");
        NetworkFixtures network = new NetworkFixtures(admin, jdbc);
        this.diners = new DinerFixtures(admin, jdbc);
        NetworkFixtures.District district = network.district("结算测试");
        districtId = district.districtId();
        villageId = district.villageId();
        operatorId = network.createOperator("结算测试餐饮公司" + System.nanoTime());
        siteA = Canteens.open(admin, jdbc, villageId, operatorId, "结算测试食堂甲", today());
        siteB = Canteens.open(admin, jdbc, villageId, operatorId, "结算测试食堂乙", today());
        publishPolicy(admin);
        operatorStaff = account("OPERATOR", operatorId, null);
        financeA = account("FINANCE", null, districtId);
        financeB = account("FINANCE", null, districtId);
    }

    public static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    /** A DateTime in Shanghai, e.g. 2026-11-25T11:30+08:00. */
    public static String shanghai(LocalDate date, int hour, int minute) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), BusinessTime.ZONE).toOffsetDateTime().toString();
    }

    /** An ACTIVE diner of the village aged 65 to 75, in the given categories (none: the 5.00 tier; MIN_LIVING: 8.00). */
    public String diner(List<String> categories) {
        return diners.registerActiveSince2020("结算老人", villageId, DinerFixtures.randomBirthDate(1952, 10), categories, null);
    }

    /** Another operator in the village, with one OPERATING canteen (套餐A at 10.00 today) and its own staff account. */
    public Venue venue(String name) {
        HttpGraphQlTester admin = as.apply("admin");
        String operator = new NetworkFixtures(admin, jdbc).createOperator(name + System.nanoTime());
        String site = Canteens.open(admin, jdbc, villageId, operator, name + "食堂", today());
        return new Venue(operator, site, account("OPERATOR", operator, null));
    }

    /** An operator, its canteen and one of its staff. */
    public record Venue(String operatorId, String siteId, String staff) {
    }

    /** Logs a walk-in's 套餐A at the site's lunch, served at the time given, by the operator's staff; returns the record id. */
    public String serve(String site, String diner, String servedAt) {
        return serve(operatorStaff, site, diner, servedAt);
    }

    /** As {@link #serve(String, String, String)}, by the staff given (of the site's operator). */
    public String serve(String staff, String site, String diner, String servedAt) {
        return Canteens.serveWalkIn(as.apply(staff), site, diner, servedAt);
    }

    /** Voids a record by the operator's staff; returns the reversal's id. */
    public String voidRecord(String recordId) {
        return as.apply(operatorStaff).documentName("fixtureVoidMealRecord")
                .variable("input", Map.of("idempotencyKey", "k-" + UUID.randomUUID(), "recordId", recordId, "reason", "重复录入"))
                .execute()
                .path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("voidMealRecord.reversal.id").entity(String.class).get();
    }

    /** A new account holding one role, with the demo password, logged in now (before any test moves the clock). */
    public String account(String role, String operator, String region) {
        return TestAccounts.loggedIn(as, jdbc, role, operator, region, "结算测试账号");
    }



    private void publishPolicy(HttpGraphQlTester admin) {
        Map<String, Object> input = new HashMap<>(Map.of("districtId", districtId, "name", "结算测试政策", "effectiveFrom", "2024-01-01",
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "standardPrice", "10.00",
                "operatingSubsidy", Map.of("perDinerPerDay", "3.00", "source", "DISTRICT")));
        input.put("tiers", List.of(
                Map.of("slots", List.of("LUNCH"), "categories", List.of("MIN_LIVING"), "minAge", 60, "subsidy", "8.00",
                        "shares", List.of(Map.of("source", "CITY", "amount", "3.00"), Map.of("source", "DISTRICT", "remainder", true))),
                Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                        "shares", List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true)))));
        String policy = admin.documentName("fixtureCreateSubsidyPolicy")
                .variable("input", input).execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.operatingSubsidy.perDinerPerDay").entity(String.class).isEqualTo("3.00")
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        admin.documentName("fixturePublishSubsidyPolicy").variable("input", Map.of("policyId", policy)).execute()
                .path("publishSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0);
    }
}
