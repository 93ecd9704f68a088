package org.zhucan.security;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Responses;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Street and town staff (STREET_STAFF) and the elderly-service hotline (HOTLINE) on the demo district:
 * street staff of 孝文街道 register and see the diners of their street, nowhere else, and touch no
 * money; the district's hotline books, cancels and rates for a diner of 西韩社区 (孝文街道) with the
 * channel HOTLINE and its call reference recorded, visible and audited, and a hotline of 寇店镇 cannot.
 * The clock stands at 12:30 today, after a lunch served at 11:30.
 */
class StreetAndHotlineApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    DinerFixtures diners;
    String xihan;
    String koudianVillage;
    String street;
    String hotline;
    String townHotline;
    String family;
    String site;
    LocalDate today;

    @BeforeEach
    void world() {
        logInDemoAccounts();
        diners = new DinerFixtures(as("admin"), jdbc);
        xihan = regionId("西韩社区");
        koudianVillage = jdbc.queryForObject("""
                SELECT v.id FROM region v JOIN region t ON t.id = v.parent_id WHERE t.name = '寇店镇' ORDER BY v.id LIMIT 1""", String.class);
        street = TestAccounts.create(jdbc, "STREET_STAFF", null, regionId("孝文街道"), "孝文街道便民服务中心");
        hotline = TestAccounts.create(jdbc, "HOTLINE", null, regionId("伊滨区"), "伊滨区为老服务热线");
        townHotline = TestAccounts.create(jdbc, "HOTLINE", null, regionId("寇店镇"), "寇店镇热线");
        family = TestAccounts.create(jdbc, "DINER", null, null, "热线测试家属");
        List.of(street, hotline, townHotline, family).forEach(this::as);
        today = DistrictWorld.today();
        String operator = jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = ?", String.class, BookingFixtures.OPERATOR_CREDIT_CODE);
        site = Canteens.open(as("admin"), jdbc, xihan, operator, "热线测试食堂", today, today.plusDays(1));
        clock.stopAt(ZonedDateTime.of(today, LocalTime.of(12, 30), BusinessTime.ZONE).toInstant());
    }

    @Test
    void shouldLetStreetStaffRegisterAndSeeTheDinersOfTheirStreetOnly() {
        String registered = register(street, xihan)
                .path("registerDiner.userErrors").entityList(Object.class).hasSize(0)
                .path("registerDiner.diner.id").entity(String.class).get();
        as(street).documentName("streetDiner").variable("id", registered).execute()
                .path("diner.homeCommunity.name").entity(String.class).isEqualTo("西韩社区");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'DINER_REGISTERED' AND entity_id = ?", String.class, registered))
                .isEqualTo(street);

        // a diner of 寇店镇: not theirs to register, nor to see
        assertThat(Responses.errorType(register(street, koudianVillage))).isEqualTo("FORBIDDEN");
        String elsewhere = diners.registerActiveSince2020("寇店老人", koudianVillage, DinerFixtures.randomBirthDate(1945, 10), List.of(), null);
        as(street).documentName("streetDiner").variable("id", elsewhere).execute().path("diner").valueIsNull();
    }

    @Test
    void shouldRefuseStreetStaffEveryMoneyAction() {
        String district = regionId("伊滨区");
        String operator = jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = ?", String.class, BookingFixtures.OPERATOR_CREDIT_CODE);
        GraphQlTester.Response budget = as(street).documentName("fixtureSetFundingBudget")
                .variable("input", Map.of("districtId", district, "year", today.getYear(), "source", "TOWN_OR_STREET", "amount", "1000.00")).execute();
        assertThat(Responses.errorType(budget)).isEqualTo("FORBIDDEN");
        YearMonth month = YearMonth.from(today).minusMonths(40);
        GraphQlTester.Response settlement = as(street).documentName("fixtureGenerateSettlement")
                .variable("input", Map.of("operatorId", operator, "districtId", district, "periodStart", month.atDay(1).toString(),
                        "periodEnd", month.atEndOfMonth().toString())).execute();
        assertThat(Responses.errorType(settlement)).isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldLetTheHotlineBookAndCancelForADinerOfItsRegionWithTheChannelRecorded() {
        String diner = diner();
        Map<String, Object> booked = bookAs(hotline, diner, "RX-0001")
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking").entity(Map.class).get();
        assertThat(booked).containsEntry("channel", "HOTLINE").containsEntry("callReference", "RX-0001").containsEntry("bookedBy", hotline);
        String booking = (String) booked.get("id");
        as(hotline).documentName("onBehalfBookings").variable("dinerId", diner).execute()
                .path("myBookings.edges[*].node.id").entityList(String.class).containsExactly(booking)
                .path("myBookings.edges[0].node.channel").entity(String.class).isEqualTo("HOTLINE");
        assertThat(auditAfter("BOOKING_MADE_ON_BEHALF", booking)).contains("HOTLINE").contains("RX-0001");

        as(hotline).documentName("onBehalfCancelBooking")
                .variable("input", Map.of("idempotencyKey", BookingFixtures.key(), "bookingId", booking, "callReference", "RX-0002")).execute()
                .path("cancelBooking.userErrors").entityList(Object.class).hasSize(0)
                .path("cancelBooking.booking.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelBooking.booking.cancelledBy").entity(String.class).isEqualTo(hotline);
        assertThat(auditAfter("BOOKING_CANCELLED", booking)).contains("HOTLINE").contains("RX-0002");

        // the counter books as COUNTER; a family has no call reference to give
        bookAs("operator", diner, null).path("bookMeal.booking.channel").entity(String.class).isEqualTo("COUNTER");
        Canteens.linkFamily(as("admin"), family, diner);
        bookAs(family, diner, "RX-0003").path("bookMeal.userErrors[0].field").entityList(String.class).containsExactly("input", "callReference");
    }

    @Test
    void shouldNotLetTheHotlineOfAnotherTownActForTheDiner() {
        String diner = diner();
        assertThat(Responses.errorType(bookAs(townHotline, diner, "RX-0100"))).isEqualTo("NOT_FOUND");
        as(townHotline).documentName("onBehalfBookings").variable("dinerId", diner).execute()
                .path("myBookings.edges").entityList(Object.class).hasSize(0);
        String record = Canteens.serveWalkIn(as("operator"), site, diner, DistrictWorld.shanghai(today, 11, 30));
        rateAs(townHotline, record, "RX-0101").path("rateMeal.userErrors[0].code").entity(String.class).isEqualTo("MEAL_NOT_RATEABLE");
    }

    @Test
    void shouldLetTheHotlineRateADinersMealMarkedAsEnteredOnBehalf() {
        String diner = diner();
        String record = Canteens.serveWalkIn(as("operator"), site, diner, DistrictWorld.shanghai(today, 11, 30));
        as(hotline).documentName("onBehalfMealsToRate").variable("dinerId", diner).execute()
                .path("mealsToRate[*].mealRecordId").entityList(String.class).containsExactly(record);
        Map<String, Object> rating = rateAs(hotline, record, "RX-0200")
                .path("rateMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("rateMeal.rating").entity(Map.class).get();
        assertThat(rating).containsEntry("channel", "HOTLINE").containsEntry("onBehalf", true).containsEntry("callReference", "RX-0200");
        String ratingId = (String) rating.get("id");
        assertThat(auditAfter("MEAL_RATED", ratingId)).contains("HOTLINE").contains("RX-0200");

        // the site's staff see that staff entered it, not the hotline's call reference
        as("operator").documentName("onBehalfSiteRatings").variable("siteId", site).variable("month", YearMonth.from(today).toString()).execute()
                .path("siteRatings.ratings.edges[0].node.onBehalf").entity(Boolean.class).isEqualTo(true)
                .path("siteRatings.ratings.edges[0].node.channel").entity(String.class).isEqualTo("HOTLINE")
                .path("siteRatings.ratings.edges[0].node.callReference").valueIsNull();

        // the family's own rating replaces it, through the mini-program
        Canteens.linkFamily(as("admin"), family, diner);
        rateAs(family, record, null).path("rateMeal.rating.channel").entity(String.class).isEqualTo("MINI_PROGRAM")
                .path("rateMeal.rating.onBehalf").entity(Boolean.class).isEqualTo(false);
        // and staff never replace what the diner's own account said
        rateAs(hotline, record, "RX-0201").path("rateMeal.userErrors[0].code").entity(String.class).isEqualTo("MEAL_NOT_RATEABLE");
        rateAs("operator", record, null).path("rateMeal.userErrors[0].code").entity(String.class).isEqualTo("MEAL_NOT_RATEABLE");
    }

    // ------------------------------------------------------------------ helpers

    private String regionId(String name) {
        return jdbc.queryForObject("SELECT id FROM region WHERE name = ?", String.class, name);
    }

    private String diner() {
        return diners.registerActiveSince2020("热线老人", xihan, DinerFixtures.randomBirthDate(1940, 15), List.of(), null);
    }

    private GraphQlTester.Response register(String account, String community) {
        return as(account).documentName("registerDiner").variable("input", Map.of("name", "镇街登记老人",
                "idNumber", diners.freshIdNumber(DinerFixtures.randomBirthDate(1940, 15), true), "homeCommunityId", community,
                "address", "镇街路1号")).execute();
    }

    private GraphQlTester.Response bookAs(String account, String diner, String callReference) {
        Map<String, Object> input = new java.util.HashMap<>(BookingFixtures.bookInput(BookingFixtures.key(), diner, site, today.plusDays(1),
                "DINE_IN", List.of(BookingFixtures.setMeal("套餐A"))));
        if (callReference != null) {
            input.put("callReference", callReference);
        }
        return as(account).documentName("onBehalfBookMeal").variable("input", input).execute();
    }

    private GraphQlTester.Response rateAs(String account, String record, String callReference) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("mealRecordId", record, "score", 5));
        if (callReference != null) {
            input.put("callReference", callReference);
        }
        return as(account).documentName("onBehalfRateMeal").variable("input", input).execute();
    }

    private String auditAfter(String action, String entityId) {
        return jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = ? AND entity_id = ? ORDER BY id DESC LIMIT 1", String.class,
                action, entityId);
    }
}
