package org.zhucan.foodsafety;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;


/**
 * A district of its own for food-safety tests, so that its inspections, logs and missing logs see
 * nothing of other tests: a town and a village, a new operator with two OPERATING canteens there
 * (LUNCH 11:00–13:00 only, 套餐A at 10.00 on the lunch menu of each date given), and accounts: the
 * operator's staff, an inspector and a finance officer of the district. Strangers: another
 * operator's staff, an inspector and a finance officer of another district, and the demo DINER
 * account {@code family}. Every account logs in when the world is made, before a test moves the
 * clock (tokens are checked against real time).
 */
final class FoodSafetyWorld {

    static final String DINER = "family";

    final String districtId;
    final String villageId;
    final String operatorId;
    final String siteA;
    final String siteB;
    final String operatorStaff;
    final String inspector;
    final String finance;
    final String otherOperatorId;
    final String otherOperatorStaff;
    final String otherDistrictId;
    final String otherInspector;
    final String otherFinance;

    private final Function<String, HttpGraphQlTester> as;
    private final JdbcTemplate jdbc;
    private final DinerFixtures diners;

    FoodSafetyWorld(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc, LocalDate... lunchMenuDates) {
        this.as = as;
        this.jdbc = jdbc;
        HttpGraphQlTester admin = as.apply("admin");
        as.apply(DINER);
        NetworkFixtures network = new NetworkFixtures(admin, jdbc);
        diners = new DinerFixtures(admin, jdbc);
        NetworkFixtures.District district = network.district("食安测试");
        districtId = district.districtId();
        villageId = district.villageId();
        operatorId = network.createOperator("食安测试餐饮公司" + System.nanoTime());
        siteA = Canteens.open(admin, jdbc, villageId, operatorId, "食安测试食堂甲", lunchMenuDates);
        siteB = Canteens.open(admin, jdbc, villageId, operatorId, "食安测试食堂乙", lunchMenuDates);
        operatorStaff = account("OPERATOR", operatorId, null);
        inspector = account("INSPECTOR", null, districtId);
        finance = account("FINANCE", null, districtId);
        otherOperatorId = network.createOperator("食安测试另一公司" + System.nanoTime());
        otherOperatorStaff = account("OPERATOR", otherOperatorId, null);
        otherDistrictId = network.createRegion(null, network.freshDistrictCode(), "食安测试邻区", "DISTRICT");
        otherInspector = account("INSPECTOR", null, otherDistrictId);
        otherFinance = account("FINANCE", null, otherDistrictId);
    }

    /** A new account holding one role, with the demo password, logged in now. */
    String account(String role, String operator, String region) {
        return TestAccounts.loggedIn(as, jdbc, role, operator, region, "食安测试账号");
    }

    /** Logs a new walk-in diner's 套餐A at the site's lunch, served at the time given, by the operator's staff; returns the record id. */
    String serve(String site, String servedAt) {
        String diner = diners.registerActiveSince2020("食安老人", villageId, DinerFixtures.randomBirthDate(1950, 10), List.of(), null);
        return Canteens.serveWalkIn(as.apply(operatorStaff), site, diner, servedAt);
    }
}
