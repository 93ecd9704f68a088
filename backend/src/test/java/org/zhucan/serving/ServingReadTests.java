package org.zhucan.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingService;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.security.AccountService;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.Responses;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;
import static org.zhucan.testsupport.Responses.at;

/**
 * Reading meals served: the review flags (two sites within an hour, a diner no longer active,
 * outside serving hours, a high staff-proxy share), who sees which records, paging and filters
 * without a statement per record, the counter's dashboard, and the live mealsServed screen.
 * <p>
 * Each test makes its own sites and diners. Meals are served on {@link #day}, two days ahead, so
 * bookings for it are still open when the test starts; the test then stops the clock on that day
 * to log the meals (accounts log in first: tokens are checked against real time).
 */
class ServingReadTests extends ApiTest {

    /** The demo accounts' BCrypt hash of demo1234, for accounts the tests add. */
    private static final String DEMO_OPERATOR_CREDIT_CODE = "91410300MA9GCY0B2D";
    /** Far beyond a push's usual tens of milliseconds: tests wait for a condition up to this long, never for a fixed time. */
    private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MealsServedFeed feed;

    @Autowired
    MealsServedListener listener;

    @Autowired
    AccountService accounts;

    NetworkFixtures network;
    DinerFixtures dinerFixtures;
    LocalDate day;

    @BeforeEach
    void fixtures() {
        logInDemoAccounts();
        network = new NetworkFixtures(as("admin"), jdbc);
        dinerFixtures = new DinerFixtures(as("admin"), jdbc);
        day = today().plusDays(2);
    }

    // ------------------------------------------------------------------------------- flags

    @Test
    void shouldFlagBothOfTwoMealsAtTwoSitesWithinAnHourButNotSixtyOneMinutesApart() {
        String other = otherOperator();
        String otherStaff = account("OPERATOR", other, null);
        Canteen a = canteen(demoOperator(), xiHan(), day);
        Canteen b = canteen(demoOperator(), xiHan(), day);
        Canteen c = canteen(other, xiHan(), day);
        Diner x = diner();
        Diner y = diner();
        Diner z = diner();
        stopAt(day, LocalTime.of(14, 0));

        // x: two sites of the same operator, 30 minutes apart: the second is flagged, with the first as related, and the first in turn
        Map<String, Object> xAtA = logged("operator", walkIn(a, x, shanghai(day, 11, 30), idCard(x)));
        assertThat(flagCodes(xAtA)).isEmpty();
        Map<String, Object> xAtB = logged("operator", walkIn(b, x, shanghai(day, 12, 0), idCard(x)));
        assertThat(flagCodes(xAtB)).containsExactly("TWO_SITES_WITHIN_HOUR");
        assertThat(at(xAtB, "secondMeal")).isEqualTo(true);

        // y: another operator's site logged first at 11:35, then 11:05 at A: both are flagged
        Map<String, Object> yAtC = logged(otherStaff, walkIn(c, y, shanghai(day, 11, 35), idCard(y)));
        assertThat(flagCodes(yAtC)).isEmpty();
        Map<String, Object> yAtA = logged("operator", walkIn(a, y, shanghai(day, 11, 5), idCard(y)));
        assertThat(flagCodes(yAtA)).containsExactly("TWO_SITES_WITHIN_HOUR");

        // z: 61 minutes apart is not within the hour
        Map<String, Object> zAtA = logged("operator", walkIn(a, z, shanghai(day, 11, 10), idCard(z)));
        Map<String, Object> zAtB = logged("operator", walkIn(b, z, shanghai(day, 12, 11), idCard(z)));
        assertThat(flagCodes(zAtA)).isEmpty();
        assertThat(flagCodes(zAtB)).isEmpty();

        List<Map<String, Object>> atB = allFlags("admin", flagFilter(b.id(), null), true);
        assertThat(atB).hasSize(1);
        assertFlag(atB.get(0), "TWO_SITES_WITHIN_HOUR", b.id(), id(xAtB), id(xAtA));
        List<Map<String, Object>> atA = allFlags("admin", flagFilter(a.id(), null), true);
        assertThat(atA).hasSize(2);
        Map<String, Object> xFlag = atA.stream().filter(flag -> id(xAtA).equals(at(flag, "record.id"))).findFirst().orElseThrow();
        Map<String, Object> yFlag = atA.stream().filter(flag -> id(yAtA).equals(at(flag, "record.id"))).findFirst().orElseThrow();
        assertFlag(xFlag, "TWO_SITES_WITHIN_HOUR", a.id(), id(xAtA), id(xAtB));
        assertFlag(yFlag, "TWO_SITES_WITHIN_HOUR", a.id(), id(yAtA), id(yAtC));
        List<Map<String, Object>> atC = allFlags("admin", flagFilter(c.id(), null), true);
        assertThat(atC).hasSize(1);
        assertFlag(atC.get(0), "TWO_SITES_WITHIN_HOUR", c.id(), id(yAtC), id(yAtA));
        // the operator's staff see the flags at their own sites, the other operator's staff only theirs
        assertThat(flagRecordIds("operator", flagFilter(b.id(), List.of("TWO_SITES_WITHIN_HOUR")))).containsExactly(id(xAtB));
        assertThat(flagRecordIds(otherStaff, flagFilter(null, List.of("TWO_SITES_WITHIN_HOUR"))))
                .contains(id(yAtC)).doesNotContain(id(xAtB), id(yAtA), id(xAtA));
    }

    @Test
    void shouldLogAMealForADinerWhoHadDiedOrMovedAwayAtFullPriceAndFlagIt() {
        Canteen a = canteen(demoOperator(), xiHan(), day);
        Diner deceased = diner();
        Diner movedAway = diner();
        Diner active = diner();
        changeStatus(deceased, "DECEASED", today(), "病故");
        changeStatus(movedAway, "MOVED_AWAY", today(), "迁往外省");
        stopAt(day, LocalTime.of(14, 0));

        Map<String, Object> ofDeceased = logged("operator", walkIn(a, deceased, shanghai(day, 11, 30), idCard(deceased)));
        assertThat(at(ofDeceased, "price")).isEqualTo("10.00");
        assertThat(at(ofDeceased, "subsidy")).isEqualTo("0.00");
        assertThat(at(ofDeceased, "dinerPays")).isEqualTo("10.00");
        assertThat(strings(list(ofDeceased, "quote.reasons"), "rule")).contains("DINER_NOT_ACTIVE");
        assertThat(flagCodes(ofDeceased)).containsExactly("DINER_NOT_ACTIVE");
        Map<String, Object> ofMovedAway = logged("operator", walkIn(a, movedAway, shanghai(day, 11, 40), idCard(movedAway)));
        assertThat(at(ofMovedAway, "subsidy")).isEqualTo("0.00");
        assertThat(flagCodes(ofMovedAway)).containsExactly("DINER_NOT_ACTIVE");
        Map<String, Object> ofActive = logged("operator", walkIn(a, active, shanghai(day, 11, 50), idCard(active)));
        assertThat(at(ofActive, "subsidy")).isEqualTo("7.00");
        assertThat(flagCodes(ofActive)).isEmpty();

        List<Map<String, Object>> flags = allFlags("admin", flagFilter(a.id(), List.of("DINER_NOT_ACTIVE")), true);
        assertThat(flags).hasSize(2);
        assertThat(strings(flags, "record.id")).containsExactlyInAnyOrder(id(ofDeceased), id(ofMovedAway));
        for (Map<String, Object> flag : flags) {
            assertFlag(flag, "DINER_NOT_ACTIVE", a.id(), (String) at(flag, "record.id"), null);
        }
    }

    @Test
    void shouldFlagMealsServedOutsideTheSlotsHoursAndStopListingTheFlagOnceTheRecordIsVoided() {
        Canteen a = canteen(demoOperator(), xiHan(), day);
        Diner early = diner();
        Diner onTime = diner();
        Diner late = diner();
        stopAt(day, LocalTime.of(14, 0));

        // 07:30 in Shanghai, given in UTC: still the meal date in Shanghai, and before 11:00
        String earlyUtc = ZonedDateTime.of(day, LocalTime.of(7, 30), BusinessTime.ZONE).withZoneSameInstant(ZoneOffset.UTC)
                .toOffsetDateTime().toString();
        assertThat(earlyUtc).startsWith(day.minusDays(1).toString());
        Map<String, Object> ofEarly = logged("operator", walkIn(a, early, earlyUtc, idCard(early)));
        assertThat(at(ofEarly, "date")).isEqualTo(day.toString());
        assertThat(flagCodes(ofEarly)).containsExactly("OUTSIDE_SERVING_HOURS");
        Map<String, Object> ofOnTime = logged("operator", walkIn(a, onTime, shanghai(day, 12, 0), idCard(onTime)));
        assertThat(flagCodes(ofOnTime)).isEmpty();
        Map<String, Object> ofLate = logged("operator", walkIn(a, late, shanghai(day, 13, 30), idCard(late)));
        assertThat(flagCodes(ofLate)).containsExactly("OUTSIDE_SERVING_HOURS");

        List<Map<String, Object>> flags = allFlags("admin", flagFilter(a.id(), null), true);
        assertThat(strings(flags, "record.id")).containsExactlyInAnyOrder(id(ofEarly), id(ofLate));
        for (Map<String, Object> flag : flags) {
            assertFlag(flag, "OUTSIDE_SERVING_HOURS", a.id(), (String) at(flag, "record.id"), null);
        }

        Map<String, Object> voided = voidRecord("operator", id(ofLate), "重复录入");
        assertThat(at(voided, "voided.voided")).isEqualTo(true);
        assertThat(at(voided, "voided.reversedBy.id")).isEqualTo(at(voided, "reversal.id"));
        assertThat(strings(allFlags("admin", flagFilter(a.id(), null), true), "record.id")).containsExactly(id(ofEarly));
        Map<String, Object> byOperator = flagFilter(null, List.of("OUTSIDE_SERVING_HOURS"));
        byOperator.put("operatorId", demoOperator());
        assertThat(flagRecordIds("operator", byOperator)).contains(id(ofEarly)).doesNotContain(id(ofLate), id(ofOnTime));
    }

    @Test
    void shouldFlagASitesDayWhenStaffProxyRecordsAreAboveThirtyPercentOfItsStandingMeals() {
        Canteen half = canteen(demoOperator(), xiHan(), day);
        Canteen edge = canteen(demoOperator(), xiHan(), day);
        List<Diner> diners = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            diners.add(diner());
        }
        stopAt(day, LocalTime.of(14, 0));

        // 2 of 4 by staff proxy: 50 %
        for (int i = 0; i < 4; i++) {
            Diner diner = diners.get(i);
            logged("operator", walkIn(half, diner, shanghai(day, 11, 10 + i * 5), i < 2 ? proxy() : idCard(diner)));
        }
        // 3 of 10: exactly 30 %, not above
        for (int i = 0; i < 10; i++) {
            Diner diner = diners.get(4 + i);
            logged("operator", walkIn(edge, diner, shanghai(day, 11, 5 + i * 5), i < 3 ? proxy() : idCard(diner)));
        }

        List<Map<String, Object>> atHalf = allFlags("admin", flagFilter(half.id(), null), true);
        assertThat(atHalf).hasSize(1);
        assertThat(at(atHalf.get(0), "code")).isEqualTo("STAFF_PROXY_SHARE");
        assertThat(at(atHalf.get(0), "site.id")).isEqualTo(half.id());
        assertThat(at(atHalf.get(0), "date")).isEqualTo(day.toString());
        assertThat(at(atHalf.get(0), "record")).isNull();
        assertThat(at(atHalf.get(0), "relatedRecord")).isNull();
        assertThat((String) at(atHalf.get(0), "detail")).isNotBlank();
        assertThat(allFlags("admin", flagFilter(half.id(), List.of("OUTSIDE_SERVING_HOURS")), true)).isEmpty();
        assertThat(allFlags("operator", flagFilter(half.id(), List.of("STAFF_PROXY_SHARE")), false)).hasSize(1);
        assertThat(allFlags("admin", flagFilter(edge.id(), null), true)).isEmpty();

        // a fourth proxy record: 4 of 11 (36 %)
        Map<String, Object> fourth = logged("operator", walkIn(edge, diners.get(14), shanghai(day, 12, 0), proxy()));
        List<Map<String, Object>> atEdge = allFlags("admin", flagFilter(edge.id(), List.of("STAFF_PROXY_SHARE")), true);
        assertThat(atEdge).hasSize(1);
        assertThat(at(atEdge.get(0), "site.id")).isEqualTo(edge.id());
        assertThat(at(atEdge.get(0), "record")).isNull();
        // voided, it no longer stands: 3 of 10 again
        voidRecord("operator", id(fourth), "录错老人");
        assertThat(allFlags("admin", flagFilter(edge.id(), List.of("STAFF_PROXY_SHARE")), true)).isEmpty();
    }

    // ------------------------------------------------------------------------------- scope

    @Test
    void shouldShowEachRoleOnlyTheRecordsAndFlagsOfItsScope() {
        String other = otherOperator();
        String otherStaff = account("OPERATOR", other, null);
        NetworkFixtures.District farAway = network.district("核销测试");
        String farFinance = account("FINANCE", null, farAway.districtId());
        Canteen mine = canteen(demoOperator(), xiHan(), day);
        Canteen theirs = canteen(other, xiHan(), day);
        Canteen far = canteen(other, farAway.villageId(), day);
        Diner diner = diner();
        stopAt(day, LocalTime.of(14, 0));

        // mine: outside the hours; theirs and far: each within the hour of the one before
        String atMine = id(logged("operator", walkIn(mine, diner, shanghai(day, 10, 30), idCard(diner))));
        String atTheirs = id(logged(otherStaff, walkIn(theirs, diner, shanghai(day, 11, 10), idCard(diner))));
        String atFar = id(logged(otherStaff, walkIn(far, diner, shanghai(day, 11, 50), idCard(diner))));

        Map<String, Object> ofDiner = Map.of("dinerId", diner.id());
        assertThat(recordIds("admin", ofDiner)).containsExactly(atFar, atTheirs, atMine);
        assertThat(recordIds("operator", ofDiner)).containsExactly(atMine);
        assertThat(totalCount("operator", ofDiner)).isEqualTo(1);
        assertThat(recordIds(otherStaff, ofDiner)).containsExactly(atFar, atTheirs);
        assertThat(recordIds("finance", ofDiner)).containsExactly(atTheirs, atMine);
        assertThat(totalCount("finance", ofDiner)).isEqualTo(2);
        assertThat(recordIds(farFinance, ofDiner)).containsExactly(atFar);
        assertThat(recordIds("admin", Map.of("dinerId", diner.id(), "operatorId", other))).containsExactly(atFar, atTheirs);
        assertThat(recordIds("admin", Map.of("dinerId", diner.id(), "siteId", mine.id()))).containsExactly(atMine);
        as("family").documentName("servingRecordIds").variable("filter", ofDiner).execute().errors()
                .satisfy(errors -> assertThat(errorTypes(errors)).containsExactly("FORBIDDEN"));

        assertRecordVisible("operator", atMine, mine.id());
        assertRecordHidden("operator", atTheirs);
        assertRecordHidden("operator", atFar);
        assertRecordVisible(otherStaff, atFar, far.id());
        assertRecordHidden(otherStaff, atMine);
        assertRecordVisible("finance", atTheirs, theirs.id());
        assertRecordHidden("finance", atFar);
        assertRecordVisible(farFinance, atFar, far.id());
        assertRecordHidden(farFinance, atMine);

        Map<String, Object> allCodes = flagFilter(null, null);
        assertThat(flagRecordIds("admin", allCodes)).contains(atMine, atTheirs, atFar);
        assertThat(flagRecordIds("operator", allCodes)).contains(atMine).doesNotContain(atTheirs, atFar);
        assertThat(flagRecordIds(otherStaff, allCodes)).contains(atTheirs, atFar).doesNotContain(atMine);
        assertThat(flagRecordIds("finance", allCodes)).contains(atMine, atTheirs).doesNotContain(atFar);
        assertThat(flagRecordIds(farFinance, allCodes)).contains(atFar).doesNotContain(atMine, atTheirs);
        as("family").documentName("mealRecordFlags").variable("filter", allCodes).variable("related", false).execute().errors()
                .satisfy(errors -> assertThat(errorTypes(errors)).containsExactly("FORBIDDEN"));
    }

    @Test
    void shouldRefuseInspectorsMealRecords() {
        // inspectors work on food safety; meal records carry diners, whom the inspector role may not read
        as("inspector").documentName("mealRecords").variable("filter", Map.of()).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    // ------------------------------------------------------------------------------- paging

    @Test
    void shouldPageNewestFirstAndNarrowByDateDinerSlotKindFlagsAndOperator() {
        Canteen site = canteen(demoOperator(), xiHan(), day.minusDays(1), day);
        List<Diner> diners = List.of(diner(), diner(), diner(), diner(), diner());
        stopAt(day, LocalTime.of(14, 0));
        List<String> ids = new ArrayList<>();
        ids.add(id(logged("operator", walkIn(site, diners.get(0), shanghai(day.minusDays(1), 12, 0), idCard(diners.get(0))))));
        ids.add(id(logged("operator", walkIn(site, diners.get(1), shanghai(day, 10, 40), idCard(diners.get(1))))));
        ids.add(id(logged("operator", walkIn(site, diners.get(2), shanghai(day, 11, 20), idCard(diners.get(2))))));
        ids.add(id(logged("operator", walkIn(site, diners.get(3), shanghai(day, 11, 50), idCard(diners.get(3))))));
        ids.add(id(logged("operator", walkIn(site, diners.get(4), shanghai(day, 12, 30), idCard(diners.get(4))))));
        Map<String, Object> atSite = Map.of("siteId", site.id());

        GraphQlTester.Response first = page("operator", atSite, 2, null);
        first.path("mealRecords.totalCount").entity(Integer.class).isEqualTo(5)
                .path("mealRecords.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("mealRecords.edges[*].node.id").entityList(String.class).containsExactly(ids.get(4), ids.get(3));
        GraphQlTester.Response second = page("operator", atSite, 2, first.path("mealRecords.pageInfo.endCursor").entity(String.class).get());
        second.path("mealRecords.totalCount").entity(Integer.class).isEqualTo(5)
                .path("mealRecords.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("mealRecords.edges[*].node.id").entityList(String.class).containsExactly(ids.get(2), ids.get(1));
        GraphQlTester.Response third = page("operator", atSite, 2, second.path("mealRecords.pageInfo.endCursor").entity(String.class).get());
        third.path("mealRecords.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("mealRecords.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0))
                .path("mealRecords.edges[0].node.date").entity(String.class).isEqualTo(day.minusDays(1).toString());

        assertThat(recordIds("operator", filter(site, "from", day.toString(), "to", day.toString())))
                .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1));
        assertThat(totalCount("operator", filter(site, "from", day.toString(), "to", day.toString()))).isEqualTo(4);
        assertThat(recordIds("operator", filter(site, "to", day.minusDays(1).toString()))).containsExactly(ids.get(0));
        assertThat(recordIds("operator", filter(site, "dinerId", diners.get(2).id()))).containsExactly(ids.get(2));
        assertThat(recordIds("operator", filter(site, "flaggedOnly", true))).containsExactly(ids.get(1));
        assertThat(recordIds("operator", filter(site, "slot", "DINNER"))).isEmpty();
        assertThat(recordIds("operator", filter(site, "slot", "LUNCH"))).hasSize(5);
        assertThat(recordIds("admin", filter(site, "operatorId", demoOperator()))).hasSize(5);
        assertThat(recordIds("admin", filter(site, "operatorId", otherOperator()))).isEmpty();

        Map<String, Object> voided = voidRecord("operator", ids.get(3), "重复录入");
        String reversal = (String) at(voided, "reversal.id");
        assertThat(at(voided, "reversal.kind")).isEqualTo("REVERSAL");
        assertThat(at(voided, "reversal.reverses.id")).isEqualTo(ids.get(3));
        assertThat(recordIds("operator", filter(site, "kind", "REVERSAL"))).containsExactly(reversal);
        assertThat(recordIds("operator", filter(site, "kind", "MEAL"))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(totalCount("operator", atSite)).isEqualTo(6);
        as("operator").documentName("mealRecord").variable("id", ids.get(3)).execute()
                .path("mealRecord.voided").entity(Boolean.class).isEqualTo(true)
                .path("mealRecord.reversedBy.id").entity(String.class).isEqualTo(reversal);
        as("operator").documentName("mealRecord").variable("id", reversal).execute()
                .path("mealRecord.kind").entity(String.class).isEqualTo("REVERSAL")
                .path("mealRecord.reverses.id").entity(String.class).isEqualTo(ids.get(3))
                .path("mealRecord.subsidy").entity(String.class).isEqualTo("-7.00");
    }

    @Test
    void shouldListRecordsWithTheirDinerSiteBookingItemsPolicyAndFlagsWithoutAStatementPerRecord() {
        Canteen site = canteen(demoOperator(), xiHan(), day);
        List<Diner> booked = List.of(diner(), diner(), diner());
        List<Map<String, Object>> bookings = new ArrayList<>();
        for (Diner diner : booked) {
            bookings.add(book(site, diner, List.of(dishItem(site.fish(), 1), dishItem(site.rice(), 2))));
        }
        Diner walkIn = diner();
        Diner proxied = diner();
        stopAt(day, LocalTime.of(14, 0));

        // one record: a booking's, by its QR, outside the hours (so it has a flag), with dish items
        logged("operator", byQr(site, (String) bookings.get(0).get("qrPayload"), shanghai(day, 10, 45)));
        readWithEverything(site, 1);
        long one = statementsDuring(() -> readWithEverything(site, 1));

        logged("operator", byQr(site, (String) bookings.get(1).get("qrPayload"), shanghai(day, 10, 50)));
        logged("operator", byPickupCode(site, (String) bookings.get(2).get("pickupCode"), booked.get(2), shanghai(day, 11, 30)));
        Map<String, Object> dishes = walkIn(site, walkIn, shanghai(day, 11, 40), idCard(walkIn));
        dishes.put("items", List.of(dishItem(site.fish(), 1), dishItem(site.rice(), 2)));
        logged("operator", dishes);
        logged("operator", walkIn(site, proxied, shanghai(day, 13, 20), proxy()));
        readWithEverything(site, 5);
        long five = statementsDuring(() -> readWithEverything(site, 5));
        assertThat(five).isEqualTo(one);
    }

    private void readWithEverything(Canteen site, int records) {
        GraphQlTester.Response response = as("operator").documentName("mealRecords").variable("filter", Map.of("siteId", site.id()))
                .variable("first", 100).execute();
        response.path("mealRecords.edges").entityList(Object.class).hasSize(records)
                .path("mealRecords.totalCount").entity(Integer.class).isEqualTo(records);
        String last = "mealRecords.edges[" + (records - 1) + "].node";
        response.path(last + ".diner.name").entity(String.class).isNotEqualTo("")
                .path(last + ".site.id").entity(String.class).isEqualTo(site.id())
                .path(last + ".booking.status").entity(String.class).isEqualTo("SERVED")
                .path(last + ".items[*].dish.id").entityList(String.class).containsExactly(site.fish(), site.rice())
                .path(last + ".items[1].quantity").entity(Integer.class).isEqualTo(2)
                .path(last + ".quote.policy.version").hasValue()
                .path(last + ".flags[*].code").entityList(String.class).containsExactly("OUTSIDE_SERVING_HOURS");
    }

    // ------------------------------------------------------------------------------- dashboard

    @Test
    void shouldCountBookedServedWalkInsNoShowsAndSubsidyOnTheDashboard(@Autowired BookingService bookingService) {
        String other = otherOperator();
        String otherStaff = account("OPERATOR", other, null);
        Canteen site = canteen(demoOperator(), xiHan(), day);
        Diner served = diner();
        Diner cancelled = diner();
        Diner noShow = diner();
        Diner walkInOne = diner();
        Diner walkInTwo = diner();
        Map<String, Object> servedBooking = book(site, served, List.of(Map.of("setMealName", "套餐A")));
        Map<String, Object> cancelledBooking = book(site, cancelled, List.of(Map.of("setMealName", "套餐A")));
        String noShowBooking = (String) book(site, noShow, List.of(Map.of("setMealName", "套餐A"))).get("id");
        as("operator").documentName("cancelBooking")
                .variable("input", Map.of("idempotencyKey", key(), "bookingId", cancelledBooking.get("id"), "reason", "老人住院")).execute()
                .path("cancelBooking.booking.status").entity(String.class).isEqualTo("CANCELLED");
        stopAt(day, LocalTime.of(12, 0));

        Map<String, Object> servedRecord = logged("operator",
                byPickupCode(site, (String) servedBooking.get("pickupCode"), served, shanghai(day, 11, 30)));
        assertThat(at(servedRecord, "booking.id")).isEqualTo(servedBooking.get("id"));
        assertThat(at(servedRecord, "booking.status")).isEqualTo("SERVED");
        assertThat(at(servedRecord, "subsidy")).isEqualTo("7.00");
        Map<String, Object> firstWalkIn = logged("operator", walkIn(site, walkInOne, shanghai(day, 11, 40), idCard(walkInOne)));
        Map<String, Object> secondWalkIn = logged("operator", walkIn(site, walkInTwo, shanghai(day, 11, 50), idCard(walkInTwo)));
        assertThat(at(firstWalkIn, "subsidy")).isEqualTo("7.00");
        assertThat(at(secondWalkIn, "subsidy")).isEqualTo("7.00");

        // at noon the unserved booking is still BOOKED
        assertDashboard(site, 2, 1, 2, 0, "21.00");

        clock.stopAt(ZonedDateTime.of(day, LocalTime.of(13, 0), BusinessTime.ZONE).toInstant());
        bookingService.markNoShows();
        as("admin").documentName("bookingById").variable("id", noShowBooking).execute()
                .path("booking.status").entity(String.class).isEqualTo("NO_SHOW");
        assertDashboard(site, 2, 1, 2, 1, "21.00");

        // a reversal takes its subsidy back
        voidRecord("operator", id(secondWalkIn), "重复录入");
        as("operator").documentName("servingDashboard").variable("siteId", site.id()).variable("date", day.toString()).execute()
                .path("servingDashboard.subsidySoFar").entity(String.class).isEqualTo("14.00")
                .path("servingDashboard.slots[0].subsidySoFar").entity(String.class).isEqualTo("14.00");

        // another day at the site is empty
        as("operator").documentName("servingDashboard").variable("siteId", site.id()).variable("date", day.plusDays(1).toString()).execute()
                .path("servingDashboard.booked").entity(Integer.class).isEqualTo(0)
                .path("servingDashboard.walkIns").entity(Integer.class).isEqualTo(0)
                .path("servingDashboard.subsidySoFar").entity(String.class).isEqualTo("0.00");
        for (String stranger : List.of(otherStaff, "family")) {
            as(stranger).documentName("servingDashboard").variable("siteId", site.id()).variable("date", day.toString()).execute()
                    .errors().satisfy(errors -> assertThat(errorTypes(errors)).containsExactly("FORBIDDEN"));
        }
    }

    private void assertDashboard(Canteen site, int booked, int served, int walkIns, int noShows, String subsidy) {
        as("operator").documentName("servingDashboard").variable("siteId", site.id()).variable("date", day.toString()).execute()
                .path("servingDashboard.site.id").entity(String.class).isEqualTo(site.id())
                .path("servingDashboard.date").entity(String.class).isEqualTo(day.toString())
                .path("servingDashboard.booked").entity(Integer.class).isEqualTo(booked)
                .path("servingDashboard.served").entity(Integer.class).isEqualTo(served)
                .path("servingDashboard.walkIns").entity(Integer.class).isEqualTo(walkIns)
                .path("servingDashboard.noShows").entity(Integer.class).isEqualTo(noShows)
                .path("servingDashboard.subsidySoFar").entity(String.class).isEqualTo(subsidy)
                .path("servingDashboard.slots[*].slot").entityList(String.class).containsExactly("LUNCH")
                .path("servingDashboard.slots[0].booked").entity(Integer.class).isEqualTo(booked)
                .path("servingDashboard.slots[0].served").entity(Integer.class).isEqualTo(served)
                .path("servingDashboard.slots[0].walkIns").entity(Integer.class).isEqualTo(walkIns)
                .path("servingDashboard.slots[0].noShows").entity(Integer.class).isEqualTo(noShows)
                .path("servingDashboard.slots[0].subsidySoFar").entity(String.class).isEqualTo(subsidy);
    }

    // ------------------------------------------------------------------------------- subscription

    @Test
    void shouldPushEachNewRecordToTheScreensOfItsSiteOnlyAndRefuseAnotherOperatorsStaff() throws Exception {
        String other = otherOperator();
        String otherStaff = account("OPERATOR", other, null);
        Canteen a = canteen(demoOperator(), xiHan(), day);
        Canteen b = canteen(demoOperator(), xiHan(), day);
        List<Diner> diners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            diners.add(diner());
        }
        String operatorToken = login("operator", DEMO_PASSWORD);
        String strangerToken = login(otherStaff, DEMO_PASSWORD);
        Instant noon = ZonedDateTime.of(day, LocalTime.NOON, BusinessTime.ZONE).toInstant();
        clock.stopAt(noon);

        WebSocketGraphQlTester screenOfB = webSocket(operatorToken);
        WebSocketGraphQlTester screenOfA = webSocket(operatorToken);
        WebSocketGraphQlTester stranger = webSocket(strangerToken);
        try {
            awaitScreens(feed, listener, 0);
            BlockingQueue<Object> atB = Screens.subscribe(screenOfB, b.id());
            BlockingQueue<Object> atA = Screens.subscribe(screenOfA, a.id());
            // the subscriptions start asynchronously: wait until both screens watch
            awaitScreens(feed, listener, 2);
            Map<String, Object> original = logged("operator", walkIn(a, diners.get(0), null, idCard(diners.get(0))));
            Map<String, Object> pushed = nextRecord(atA, PUSH_TIMEOUT);
            assertThat(pushed).as("a record logged at A reaches A's screen").isNotNull();
            assertThat(id(pushed)).isEqualTo(id(original));
            assertThat(at(pushed, "site.id")).isEqualTo(a.id());
            assertThat(at(pushed, "diner.id")).isEqualTo(at(original, "diner.id"));
            assertThat(at(pushed, "kind")).isEqualTo("MEAL");
            assertThat(Instant.from(OffsetDateTime.parse((String) at(pushed, "servedAt")))).isEqualTo(noon);

            // B's screen shows B's record first: nothing of A's came before it
            Map<String, Object> atBRecord = logged("operator", walkIn(b, diners.get(1), null, idCard(diners.get(1))));
            Map<String, Object> pushedAtB = nextRecord(atB, PUSH_TIMEOUT);
            assertThat(pushedAtB).as("a record logged at B reaches B's screen").isNotNull();
            assertThat(id(pushedAtB)).isEqualTo(id(atBRecord));
            assertThat(at(pushedAtB, "site.id")).isEqualTo(b.id());
            // and A's screen never shows B's record: records reach a screen in the order they were logged, so
            // the next one A's screen shows is A's record logged after B's
            Map<String, Object> laterAtA = logged("operator", walkIn(a, diners.get(2), null, idCard(diners.get(2))));
            Map<String, Object> next = nextRecord(atA, PUSH_TIMEOUT);
            assertThat(next).as("A's later record reaches A's screen").isNotNull();
            assertThat(id(next)).isEqualTo(id(laterAtA));

            Object refused = Screens.subscribe(stranger, a.id()).poll(PUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(refused).as("another operator's staff hear back").isNotNull();
            assertThat(subscriptionErrorTypes(refused)).containsExactly("FORBIDDEN");
        } finally {
            screenOfA.stop().block(PUSH_TIMEOUT);
            screenOfB.stop().block(PUSH_TIMEOUT);
            stranger.stop().block(PUSH_TIMEOUT);
        }
    }

    /** A screen's token revoked while it watches (the account disabled): the next record ends its subscription instead. */
    @Test
    void shouldEndAScreensSubscriptionOnceItsAccountIsDisabled() throws Exception {
        Canteen a = canteen(demoOperator(), xiHan(), day);
        String screenAccount = account("OPERATOR", demoOperator(), null);
        String screenToken = login(screenAccount, DEMO_PASSWORD);
        clock.stopAt(ZonedDateTime.of(day, LocalTime.NOON, BusinessTime.ZONE).toInstant());

        WebSocketGraphQlTester screen = webSocket(screenToken);
        try {
            awaitScreens(feed, listener, 0);
            BlockingQueue<Object> atA = Screens.subscribe(screen, a.id());
            awaitScreens(feed, listener, 1);
            Diner first = diner();
            Map<String, Object> before = logged("operator", walkIn(a, first, null, idCard(first)));
            Map<String, Object> pushed = nextRecord(atA, PUSH_TIMEOUT);
            assertThat(pushed).as("a record logged while the account is enabled reaches its screen").isNotNull();
            assertThat(id(pushed)).isEqualTo(id(before));

            long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, screenAccount);
            SystemActor.runAs("system:test", () -> accounts.disable(userId));
            Diner second = diner();
            logged("operator", walkIn(a, second, null, idCard(second)));
            Object after = atA.poll(PUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(after).as("the screen hears back after the revocation").isNotNull();
            assertThat(subscriptionErrorTypes(after)).as("instead of the record").containsExactly("UNAUTHORIZED");
            awaitScreens(feed, listener, 0);
        } finally {
            screen.stop().block(PUSH_TIMEOUT);
        }
    }

    /** Two application instances on one database and one Redis: a screen on the first sees a meal logged through the second. */
    @Test
    void shouldPushARecordLoggedOnAnotherInstanceThroughRedis() throws Exception {
        Canteen a = canteen(demoOperator(), xiHan(), day);
        Diner diner = diner();
        String operatorToken = login("operator", DEMO_PASSWORD);
        Instant noon = ZonedDateTime.of(day, LocalTime.NOON, BusinessTime.ZONE).toInstant();
        try (org.springframework.context.ConfigurableApplicationContext second =
                     new org.springframework.boot.builder.SpringApplicationBuilder(org.zhucan.ZhucanApplication.class).profiles("test")
                             .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(secondPort).isNotEqualTo(port);
            second.getBean(TestClock.class).stopAt(noon);
            clock.stopAt(noon);
            org.springframework.graphql.test.tester.HttpGraphQlTester viaSecond = org.zhucan.testsupport.TestClients
                    .graphQl("http://localhost:" + secondPort).mutate().header(org.springframework.http.HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).build();
            WebSocketGraphQlTester screen = webSocket(operatorToken);
            try {
                awaitScreens(feed, listener, 0);
                BlockingQueue<Object> atA = Screens.subscribe(screen, a.id());
                // the screen watches on this instance, which listens on Redis, and the second instance can publish there
                awaitScreens(feed, listener, 1);
                Screens.awaitRedisAnswering(second, PUSH_TIMEOUT);
                String loggedOnSecond = viaSecond.documentName("servingLogMeal")
                        .variable("input", walkIn(a, diner, null, idCard(diner))).execute()
                        .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                        .path("logMeal.record.id").entity(String.class).get();
                Map<String, Object> pushed = nextRecord(atA, PUSH_TIMEOUT);
                assertThat(pushed).as("a record logged on the second instance reaches the first instance's screen").isNotNull();
                assertThat(id(pushed)).isEqualTo(loggedOnSecond);

                // an upload's records go out as one message for their transaction: each of them reaches the screen
                List<Map<String, Object>> offline = new ArrayList<>();
                for (Diner each : List.of(diner(), diner())) {
                    offline.add(Map.of("clientRecordId", "screen-" + System.nanoTime() + "-" + offline.size(), "slot", "LUNCH",
                            "servedAt", shanghai(day, 11, 40 + offline.size()), "dinerId", each.id(),
                            "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "离线补录"), "items", List.of(Map.of("setMealName", "套餐A"))));
                }
                List<String> uploaded = CounterRequests.upload(viaSecond, a.id(), offline)
                        .path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(2)
                        .path("uploadMealRecords.results[*].record.id").entityList(String.class).get();
                List<String> pushedAfter = new ArrayList<>();
                for (int i = 0; i < uploaded.size(); i++) {
                    Map<String, Object> next = nextRecord(atA, PUSH_TIMEOUT);
                    assertThat(next).as("record %d of the upload on the second instance reaches the first instance's screen", i + 1).isNotNull();
                    pushedAfter.add(id(next));
                }
                assertThat(pushedAfter).containsExactlyInAnyOrderElementsOf(uploaded);
            } finally {
                screen.stop().block(PUSH_TIMEOUT);
            }
        }
    }

    /** Waits until this instance listens on Redis and exactly this many screens watch it (those of earlier tests closed). */
    private static void awaitScreens(MealsServedFeed feed, MealsServedListener listener, int screens) {
        await(screens + " screens watching").atMost(PUSH_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> listener.isListening() && feed.screens() == screens);
    }

    private WebSocketGraphQlTester webSocket(String token) {
        return Screens.webSocket(port, token);
    }

    /** The next record pushed, or null when none comes in time. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nextRecord(BlockingQueue<Object> received, Duration timeout) throws InterruptedException {
        Object next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            return null;
        }
        if (next instanceof Throwable error) {
            throw new AssertionError("the subscription failed", error);
        }
        return ((GraphQlTester.Response) next).path("mealsServed").entity(Map.class).get();
    }

    private static List<String> subscriptionErrorTypes(Object received) {
        if (received instanceof SubscriptionErrorException error) {
            return errorTypes(error.getErrors());
        }
        if (received instanceof Throwable error) {
            throw new AssertionError("expected GraphQL errors, got an exception", error);
        }
        List<String> types = new ArrayList<>();
        ((GraphQlTester.Response) received).errors().satisfy(errors -> types.addAll(errorTypes(errors)));
        return types;
    }

    // ------------------------------------------------------------------------------- fixtures

    private record Canteen(String id, String operatorId, String fish, String rice) {
    }

    private record Diner(String id, String idNumber) {
    }

    private String xiHan() {
        return jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
    }

    private String demoOperator() {
        return jdbc.queryForObject("SELECT id FROM operator WHERE credit_code = ?", String.class, DEMO_OPERATOR_CREDIT_CODE);
    }

    private String otherOperator() {
        return network.createOperator("核销测试餐饮公司" + System.nanoTime());
    }

    /** A new account holding one role, with the demo password, logged in now (before any test moves the clock). */
    private String account(String role, String operatorId, String regionId) {
        return TestAccounts.loggedIn(this::as, jdbc, role, operatorId, regionId, "核销测试账号");
    }

    /**
     * An OPERATING canteen of the operator with LUNCH 11:00–13:00 (30 seats, booking cutoff 09:30),
     * dine-in, pick-up and delivery, two dishes (清蒸鱼 8.00, 米饭 1.00) and a published lunch menu on
     * each date with both dishes and 套餐A (the two, 10.00).
     */
    private Canteen canteen(String operatorId, String communityId, LocalDate... menuDates) {
        String site = network.createSite("核销测试食堂" + System.nanoTime(), "CANTEEN", communityId, operatorId, null, null);
        jdbc.update("UPDATE site_slot SET seats = 30, booking_cutoff = '09:30:00' WHERE site_id = ?", Long.valueOf(site));
        jdbc.update("INSERT INTO site_fulfilment (site_id, mode, fee_fen) VALUES (?, 'PICKUP', 0)", Long.valueOf(site));
        network.open(site, today().toString(), today().toString());
        String fish = Canteens.dish(as("admin"), operatorId, "清蒸鱼", "8.00");
        String rice = Canteens.dish(as("admin"), operatorId, "米饭", "1.00");
        for (LocalDate date : menuDates) {
            Canteens.publishSetMeal(as("admin"), site, date, "LUNCH", fish, rice);
        }
        return new Canteen(site, operatorId, fish, rice);
    }

    /**
     * An ACTIVE diner of 西韩社区 (where the canteens are), aged 66 to 77 and in no category: the
     * demo policy's 7.00 lunch subsidy. Registered in 2020, so ACTIVE on any meal date.
     */
    private Diner diner() {
        String idNumber = dinerFixtures.freshIdNumber(DinerFixtures.randomBirthDate(1950, 10), true);
        String id = as("admin").documentName("registerDiner").variable("input", Map.of("name", "核销老人", "idNumber", idNumber,
                        "homeCommunityId", xiHan(), "address", "西韩社区1号楼")).execute()
                .path("registerDiner.userErrors").entityList(Object.class).hasSize(0)
                .path("registerDiner.diner.id").entity(String.class).get();
        jdbc.update("UPDATE diner_status_change SET effective_on = '2020-01-01' WHERE diner_id = ?", Long.valueOf(id));
        jdbc.update("UPDATE diner SET status_since = '2020-01-01' WHERE id = ?", Long.valueOf(id));
        return new Diner(id, idNumber);
    }

    private void changeStatus(Diner diner, String status, LocalDate effectiveOn, String reason) {
        as("admin").documentName("fixtureChangeDinerStatus")
                .variable("input", Map.of("dinerId", diner.id(), "status", status, "effectiveOn", effectiveOn.toString(), "reason", reason))
                .execute()
                .path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0)
                .path("changeDinerStatus.diner.status").entity(String.class).isEqualTo(status);
    }

    /** Books LUNCH on the day, dine-in, at the counter; returns the booking (id, pickupCode, qrPayload). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> book(Canteen site, Diner diner, List<Map<String, Object>> items) {
        Map<String, Object> input = Map.of("idempotencyKey", key(), "dinerId", diner.id(), "siteId", site.id(), "date", day.toString(),
                "slot", "LUNCH", "fulfilment", "DINE_IN", "items", items);
        return as("operator").documentName("bookMeal").variable("input", input).execute()
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking").entity(Map.class).get();
    }

    private void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    private static Map<String, Object> idCard(Diner diner) {
        return Map.of("method", "ID_CARD", "idNumber", diner.idNumber());
    }

    private static Map<String, Object> proxy() {
        return Map.of("method", "STAFF_PROXY", "proxyReason", "老人无法出示证件");
    }

    private static Map<String, Object> dishItem(String dishId, int quantity) {
        return Map.of("dishId", dishId, "quantity", quantity);
    }

    /** A walk-in's 套餐A (10.00) at the site's LUNCH; servedAt null means now. */
    private static Map<String, Object> walkIn(Canteen site, Diner diner, String servedAt, Map<String, Object> verification) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key(), "siteId", site.id(), "slot", "LUNCH", "dinerId", diner.id(),
                "verification", verification, "items", List.of(Map.of("setMealName", "套餐A"))));
        if (servedAt != null) {
            input.put("servedAt", servedAt);
        }
        return input;
    }

    private static Map<String, Object> byQr(Canteen site, String qrPayload, String servedAt) {
        return new HashMap<>(Map.of("idempotencyKey", key(), "siteId", site.id(), "slot", "LUNCH", "servedAt", servedAt, "bookingQr", qrPayload,
                "verification", Map.of("method", "DINER_QR", "qrPayload", qrPayload)));
    }

    private static Map<String, Object> byPickupCode(Canteen site, String pickupCode, Diner diner, String servedAt) {
        return new HashMap<>(Map.of("idempotencyKey", key(), "siteId", site.id(), "slot", "LUNCH", "servedAt", servedAt,
                "pickupCode", pickupCode, "verification", idCard(diner)));
    }

    /** Logs a meal and expects a record; returns it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> logged(String user, Map<String, Object> input) {
        return as(user).documentName("servingLogMeal").variable("input", input).execute()
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> voidRecord(String user, String recordId, String reason) {
        return as(user).documentName("servingVoidMealRecord")
                .variable("input", Map.of("idempotencyKey", key(), "recordId", recordId, "reason", reason)).execute()
                .path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("voidMealRecord").entity(Map.class).get();
    }

    // ------------------------------------------------------------------------------- reading

    private Map<String, Object> filter(Canteen site, String key, Object value) {
        return new HashMap<>(Map.of("siteId", site.id(), key, value));
    }

    private Map<String, Object> filter(Canteen site, String key, Object value, String otherKey, Object otherValue) {
        return new HashMap<>(Map.of("siteId", site.id(), key, value, otherKey, otherValue));
    }

    private GraphQlTester.Response page(String user, Map<String, Object> filter, int first, String after) {
        return Responses.page(as(user), "servingRecordIds", filter, first, after);
    }

    /** The ids of every record the user may see that match, page by page, in the order listed. */
    private List<String> recordIds(String user, Map<String, Object> filter) {
        return Responses.allNodes(as(user), "servingRecordIds", "mealRecords", filter, 100).stream().map(node -> (String) node.get("id")).toList();
    }

    private int totalCount(String user, Map<String, Object> filter) {
        return page(user, filter, 1, null).path("mealRecords.totalCount").entity(Integer.class).get();
    }

    /** Flags on the day: of one site when siteId is given, of the codes when given. */
    private Map<String, Object> flagFilter(String siteId, List<String> codes) {
        Map<String, Object> filter = new HashMap<>(Map.of("from", day.toString(), "to", day.toString()));
        if (siteId != null) {
            filter.put("siteId", siteId);
        }
        if (codes != null) {
            filter.put("codes", codes);
        }
        return filter;
    }

    /** Every flag the user may see that matches, page by page; relatedRecord only when asked for. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allFlags(String user, Map<String, Object> filter, boolean related) {
        List<Map<String, Object>> flags = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            GraphQlTester.Request<?> request = as(user).documentName("mealRecordFlags").variable("filter", filter).variable("first", 100)
                    .variable("related", related);
            if (after != null) {
                request = request.variable("after", after);
            }
            GraphQlTester.Response response = request.execute();
            for (Object edge : response.path("mealRecordFlags.edges").entityList(Object.class).get()) {
                flags.add((Map<String, Object>) at(edge, "node"));
            }
            if (!response.path("mealRecordFlags.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return flags;
            }
            after = response.path("mealRecordFlags.pageInfo.endCursor").entity(String.class).get();
        }
        throw new AssertionError("more than 100 pages of flags");
    }

    private List<String> flagRecordIds(String user, Map<String, Object> filter) {
        return allFlags(user, filter, false).stream().map(flag -> (String) at(flag, "record.id")).filter(java.util.Objects::nonNull).toList();
    }

    private void assertFlag(Map<String, Object> flag, String code, String siteId, String recordId, String relatedRecordId) {
        assertThat(at(flag, "code")).isEqualTo(code);
        assertThat(at(flag, "site.id")).isEqualTo(siteId);
        assertThat(at(flag, "date")).isEqualTo(day.toString());
        assertThat(at(flag, "record.id")).isEqualTo(recordId);
        assertThat(at(flag, "relatedRecord.id")).isEqualTo(relatedRecordId);
        assertThat((String) at(flag, "detail")).isNotBlank();
    }

    private void assertRecordVisible(String user, String recordId, String siteId) {
        as(user).documentName("mealRecord").variable("id", recordId).execute()
                .path("mealRecord.id").entity(String.class).isEqualTo(recordId)
                .path("mealRecord.site.id").entity(String.class).isEqualTo(siteId);
    }

    /** Out of scope: null, or a NOT_FOUND error; never the record. */
    private void assertRecordHidden(String user, String recordId) {
        GraphQlTester.Response response = as(user).documentName("mealRecord").variable("id", recordId).execute();
        response.errors().satisfy(errors -> assertThat(errorTypes(errors)).isSubsetOf("NOT_FOUND"));
        response.path("mealRecord").valueIsNull();
    }

    private static List<String> errorTypes(List<ResponseError> errors) {
        return errors.stream().map(error -> String.valueOf(error.getErrorType())).toList();
    }

    private static String id(Map<String, Object> record) {
        return (String) record.get("id");
    }

    private static List<String> flagCodes(Map<String, Object> record) {
        return strings(list(record, "flags"), "code");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String path) {
        return (List<Map<String, Object>>) at(node, path);
    }

    private static List<String> strings(List<Map<String, Object>> nodes, String path) {
        return nodes.stream().map(node -> (String) at(node, path)).toList();
    }

}
