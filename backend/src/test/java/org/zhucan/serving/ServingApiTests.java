package org.zhucan.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;
import static org.zhucan.booking.BookingFixtures.today;

/** logMeal, uploadMealRecords, voidMealRecord and correctMealRecord over HTTP, with the clock at lunchtime. */
class ServingApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReferenceCache referenceCache;

    BookingFixtures fixtures;
    BookingFixtures.Lunch lunch;
    String site;
    String fish;
    String rice;
    LocalDate day;

    @BeforeEach
    void fixtures() {
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        lunch = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "红烧鱼", "12.00", today(), null);
        site = lunch.site();
        fish = lunch.fish();
        rice = lunch.rice();
        day = lunch.date();
        lunchtime(12, 0);
    }

    @Test
    void shouldLogAWalkInWithQuoteMealsSplitItsSharesAndNoFlags() {
        String diner = fixtures.diner();
        String quoted = quote(diner, "13.00");
        GraphQlTester.Response response = log("operator", walkIn(key(), diner, proxy()));
        response.path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.kind").entity(String.class).isEqualTo("MEAL")
                .path("logMeal.record.origin").entity(String.class).isEqualTo("COUNTER")
                .path("logMeal.record.date").entity(String.class).isEqualTo(day.toString())
                .path("logMeal.record.price").entity(String.class).isEqualTo("13.00")
                .path("logMeal.record.secondMeal").entity(Boolean.class).isEqualTo(false)
                .path("logMeal.record.verificationNote").entity(String.class).isEqualTo("老人行动不便")
                .path("logMeal.record.recordedBy").entity(String.class).isEqualTo("operator")
                .path("logMeal.record.items[0].quantity").entity(Integer.class).isEqualTo(1)
                .path("logMeal.record.flags").entityList(Object.class).hasSize(0);
        String subsidy = response.path("logMeal.record.subsidy").entity(String.class).get();
        assertThat(subsidy).isEqualTo(quoted).isNotEqualTo("0.00");
        // once recorded, the meal counts against the diner's limits: quoteMeal now offers no second subsidy
        assertThat(quote(diner, "13.00")).isEqualTo("0.00");
        long id = Long.parseLong(response.path("logMeal.record.id").entity(String.class).get());
        // the shares settlement sums are stored beside the record and add up to its subsidy
        assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM meal_record_share WHERE meal_record_id = ?", Long.class, id))
                .isEqualTo(new java.math.BigDecimal(subsidy).movePointRight(2).longValueExact());
        assertThat(jdbc.queryForObject("SELECT policy_id FROM meal_record WHERE id = ?", Long.class, id)).isNotNull();
    }

    /** A record's items reach the database as JSON text: a dish named with quotes and a backslash is stored as the menu names it. */
    @Test
    void shouldStoreItemsNamedWithQuotesAndABackslashAsTheMenuNamesThem() {
        String name = "王\"家\"鱼\\汤";
        BookingFixtures.Lunch quoted = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), name, "12.00", day, null);
        GraphQlTester.Response response = log("operator", CounterRequests.walkIn(quoted, key(), fixtures.diner(), proxy()));
        response.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        long id = Long.parseLong(response.path("logMeal.record.id").entity(String.class).get());
        String fishName = jdbc.queryForObject("SELECT name FROM dish WHERE id = ?", String.class, Long.parseLong(quoted.fish()));
        assertThat(fishName).startsWith(name);
        assertThat(jdbc.queryForList("SELECT name FROM meal_record_item WHERE meal_record_id = ? ORDER BY position", String.class, id))
                .containsExactly(fishName, jdbc.queryForObject("SELECT name FROM dish WHERE id = ?", String.class, Long.parseLong(quoted.rice())));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record_share WHERE meal_record_id = ?", Integer.class, id)).isPositive();
    }

    /**
     * A booking served without items given is served its own items, read with the booking in one statement (as JSON): every
     * item in position order, with its quantity and price, a name with quotes and a backslash as booked; by pickup code and by QR.
     */
    @Test
    void shouldServeABookingItsOwnItemsInOrderByPickupCodeAndByQr() {
        BookingFixtures.Lunch quoted = fixtures.lunch(fixtures.canteen(30, LocalTime.of(9, 30)), "李\"记\"汤\\面", "12.00", day, null);
        for (String by : List.of("pickupCode", "qr")) {
            Map<String, String> booked = book(fixtures.diner(), quoted.site(), List.of(dishItem(quoted.rice(), 3), dishItem(quoted.fish(), 2)));
            long bookingId = Long.parseLong(booked.get("id"));
            Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key(), "siteId", quoted.site(), "slot", "LUNCH", "verification", proxy()));
            input.put(by.equals("qr") ? "bookingQr" : "pickupCode", booked.get(by.equals("qr") ? "qrPayload" : "pickupCode"));
            GraphQlTester.Response served = log("operator", input);
            served.path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                    .path("logMeal.record.booking.status").entity(String.class).isEqualTo("SERVED");
            long recordId = Long.parseLong(served.path("logMeal.record.id").entity(String.class).get());
            String columns = "dish_id, set_meal_name, name, unit_price_fen, quantity";
            List<Map<String, Object>> bookedItems = jdbc.queryForList("SELECT " + columns + " FROM booking_item WHERE booking_id = ? ORDER BY position",
                    bookingId);
            assertThat(bookedItems).as(by).hasSize(2);
            assertThat(((String) bookedItems.get(1).get("name"))).as(by).startsWith("李\"记\"汤\\面");
            assertThat(jdbc.queryForList("SELECT " + columns + " FROM meal_record_item WHERE meal_record_id = ? ORDER BY position", recordId))
                    .as(by).isEqualTo(bookedItems);
        }
    }

    @Test
    void shouldServeABookingByPickupCodeOnceAndMarkItServed() {
        String diner = fixtures.diner();
        Map<String, String> booking = book(diner);
        GraphQlTester.Response served = log("operator", byPickupCode(key(), booking.get("pickupCode"), proxy()));
        served.path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.booking.id").entity(String.class).isEqualTo(booking.get("id"))
                .path("logMeal.record.booking.status").entity(String.class).isEqualTo("SERVED")
                .path("logMeal.record.diner.id").entity(String.class).isEqualTo(diner)
                .path("logMeal.record.items[0].setMealName").entity(String.class).isEqualTo("套餐A")
                .path("logMeal.record.price").entity(String.class).isEqualTo("10.00");
        expectError(byPickupCode(key(), booking.get("pickupCode"), proxy()), "ALREADY_SERVED");
        expectError(byPickupCode(key(), otherCode(booking.get("pickupCode")), proxy()), "BOOKING_NOT_FOUND");
    }

    /** A repeat whose own work fails only because the first succeeded (the booking is served now) answers the first record. */
    @Test
    void shouldReturnTheFirstRecordForARepeatedPickupCodeWithItsKey() {
        Map<String, String> booking = book(fixtures.diner());
        String key = key();
        String first = log("operator", byPickupCode(key, booking.get("pickupCode"), proxy())).path("logMeal.record.id").entity(String.class).get();
        log("operator", byPickupCode(key, booking.get("pickupCode"), proxy())).path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.id").entity(String.class).isEqualTo(first);
        expectError(byPickupCode(key(), booking.get("pickupCode"), proxy()), "ALREADY_SERVED");
    }

    @Test
    void shouldServeABookingByItsQrAndRejectAForgedOne() {
        String diner = fixtures.diner();
        Map<String, String> booking = book(diner);
        String qr = booking.get("qrPayload");
        String forged = qr.substring(0, qr.length() - 1) + (qr.endsWith("0") ? "1" : "0");
        expectError(withVerification(byPickupCode(key(), null, null), Map.of("method", "DINER_QR", "qrPayload", forged)), "INVALID_QR");
        log("operator", withVerification(byPickupCode(key(), null, null), Map.of("method", "DINER_QR", "qrPayload", qr)))
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.verification").entity(String.class).isEqualTo("DINER_QR")
                .path("logMeal.record.booking.status").entity(String.class).isEqualTo("SERVED");
    }

    @Test
    void shouldIdentifyTheDinerByIdCardOrMealCardAndRefuseAMismatch() {
        DinerFixtures diners = new DinerFixtures(as("admin"), jdbc);
        String idNumber = diners.freshIdNumber(LocalDate.of(1940, 3, 8), true);
        String diner = diners.registerActiveSince2020("读卡老人", fixtures.community(), idNumber, List.of(), null);
        Map<String, Object> byCard = walkIn(key(), null, Map.of("method", "ID_CARD", "idNumber", idNumber));
        log("operator", byCard).path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.diner.id").entity(String.class).isEqualTo(diner)
                .path("logMeal.record.verification").entity(String.class).isEqualTo("ID_CARD");
        // the card names another diner than the one given
        expectError(walkIn(key(), fixtures.diner(), Map.of("method", "ID_CARD", "idNumber", idNumber)), "IDENTITY_MISMATCH");

        String other = fixtures.diner();
        String card = as("admin").documentName("servingDinerMealCard").variable("id", other).execute()
                .path("diner.mealCardQr").entity(String.class).get();
        log("operator", walkIn(key(), null, Map.of("method", "DINER_QR", "qrPayload", card)))
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.diner.id").entity(String.class).isEqualTo(other);
        expectError(walkIn(key(), null, Map.of("method", "DINER_QR", "qrPayload", card.replace("ZCD1." + other, "ZCD1." + diner))),
                "INVALID_QR");
    }

    @Test
    void shouldServeASecondMealAtFullPriceWithoutASecondSubsidy() {
        String diner = fixtures.diner();
        log("operator", walkIn(key(), diner, proxy())).path("logMeal.record.secondMeal").entity(Boolean.class).isEqualTo(false);
        log("operator", walkIn(key(), diner, Map.of("method", "FAMILY_PICKUP", "pickedUpBy", "女儿 王芳")))
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.secondMeal").entity(Boolean.class).isEqualTo(true)
                .path("logMeal.record.subsidy").entity(String.class).isEqualTo("0.00")
                .path("logMeal.record.dinerPays").entity(String.class).isEqualTo("13.00")
                .path("logMeal.record.quote.reasons[*].rule").entityList(String.class).satisfies(rules ->
                        assertThat(rules).containsAnyOf("SLOT_LIMIT", "DAILY_LIMIT"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND subsidy_fen > 0", Integer.class,
                Long.valueOf(diner))).isEqualTo(1);
    }

    @Test
    void shouldRejectEachBrokenRuleWithItsOwnCode() {
        String diner = fixtures.diner();
        Map<String, Object> price = walkIn(key(), diner, proxy());
        price.put("price", "8.50");
        expectError(price, "PRICE_MISMATCH");
        Map<String, Object> future = walkIn(key(), diner, proxy());
        future.put("servedAt", clock.instant().plus(Duration.ofMinutes(10)).toString());
        expectError(future, "SERVED_AT_OUT_OF_RANGE");
        Map<String, Object> old = walkIn(key(), diner, proxy());
        old.put("servedAt", clock.instant().minus(Duration.ofDays(8)).toString());
        expectError(old, "SERVED_AT_OUT_OF_RANGE");
        Map<String, Object> dinner = walkIn(key(), diner, proxy());
        dinner.put("slot", "DINNER");
        expectError(dinner, "SLOT_NOT_SERVED");
        Map<String, Object> yesterday = walkIn(key(), diner, proxy());
        yesterday.put("servedAt", clock.instant().minus(Duration.ofDays(1)).toString());
        // the site opened today: a meal of yesterday is judged by the site's status then
        expectError(yesterday, "SITE_NOT_OPERATING");
        jdbc.update("UPDATE site_status_change SET effective_on = ? WHERE site_id = ?", java.sql.Date.valueOf(day.minusDays(7)), Long.valueOf(site));
        // written behind the site service's back: its status timeline in memory goes as after a data load
        referenceCache.evictEverywhere();
        yesterday.put("idempotencyKey", key());
        expectError(yesterday, "NO_PUBLISHED_MENU");
        expectError(walkIn(key(), diner, Map.of("method", "STAFF_PROXY")), "INVALID_INPUT");
        expectError(walkIn(key(), diner, Map.of("method", "FACE")), "INVALID_INPUT");
        expectError(walkIn(key(), null, proxy()), "INVALID_INPUT");
        Map<String, Object> noItems = walkIn(key(), diner, proxy());
        noItems.remove("items");
        expectError(noItems, "INVALID_INPUT");
        Map<String, Object> offMenu = walkIn(key(), diner, proxy());
        offMenu.put("items", List.of(Map.of("dishId", fixtures.dish("菜单外", "3.00"))));
        expectError(offMenu, "NOT_ON_MENU");
        // nothing was recorded by any of them
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(diner))).isZero();
        // other roles are refused outright
        for (String user : List.of("finance", "inspector", "family")) {
            as(user).documentName("logMeal").variable("input", walkIn(key(), diner, proxy())).execute()
                    .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        }
    }

    @Test
    void shouldReturnTheFirstRecordForARepeatedKey() {
        String diner = fixtures.diner();
        String key = key();
        String first = log("operator", walkIn(key, diner, proxy())).path("logMeal.record.id").entity(String.class).get();
        log("operator", walkIn(key, diner, proxy())).path("logMeal.record.id").entity(String.class).isEqualTo(first)
                .path("logMeal.record.secondMeal").entity(Boolean.class).isEqualTo(false);
        Map<String, Object> changed = walkIn(key, diner, proxy());
        changed.put("items", List.of(dishItem(rice, 2)));
        expectError(changed, "IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(diner))).isEqualTo(1);
    }

    @Test
    void shouldVoidByAddingAReversalThatFreesTheSubsidyAndTheBooking() {
        String diner = fixtures.diner();
        Map<String, String> booking = book(diner);
        GraphQlTester.Response served = log("operator", byPickupCode(key(), booking.get("pickupCode"), proxy()));
        String id = served.path("logMeal.record.id").entity(String.class).get();
        String subsidy = served.path("logMeal.record.subsidy").entity(String.class).get();
        long amountsBefore = amountsOf(id);

        GraphQlTester.Response voided = as("operator").documentName("voidMealRecord")
                .variable("input", Map.of("idempotencyKey", key(), "recordId", id, "reason", "录入错误")).execute();
        voided.path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("voidMealRecord.voided.voided").entity(Boolean.class).isEqualTo(true)
                .path("voidMealRecord.voided.subsidy").entity(String.class).isEqualTo(subsidy)
                .path("voidMealRecord.reversal.kind").entity(String.class).isEqualTo("REVERSAL")
                .path("voidMealRecord.reversal.origin").entity(String.class).isEqualTo("VOID")
                .path("voidMealRecord.reversal.price").entity(String.class).isEqualTo("-10.00")
                .path("voidMealRecord.reversal.subsidy").entity(String.class).isEqualTo("-" + subsidy)
                .path("voidMealRecord.reversal.reverses.id").entity(String.class).isEqualTo(id)
                .path("voidMealRecord.reversal.reason").entity(String.class).isEqualTo("录入错误");
        String reversal = voided.path("voidMealRecord.reversal.id").entity(String.class).get();
        voided.path("voidMealRecord.voided.reversedBy.id").entity(String.class).isEqualTo(reversal);
        // the original's amounts never changed; the record and its reversal net to zero, share by share
        assertThat(amountsOf(id)).isEqualTo(amountsBefore);
        assertThat(jdbc.queryForObject("SELECT SUM(subsidy_fen) FROM meal_record WHERE diner_id = ?", Long.class, Long.valueOf(diner))).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM meal_record_share WHERE meal_record_id IN (?, ?)", Long.class,
                Long.valueOf(id), Long.valueOf(reversal))).isZero();
        as("operator").documentName("bookingById").variable("id", booking.get("id")).execute()
                .path("booking.status").entity(String.class).isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEAL_RECORD_VOIDED' AND entity_id = ?", Integer.class,
                id)).isEqualTo(1);

        voidExpecting(id, "ALREADY_VOIDED");
        voidExpecting(reversal, "NOT_VOIDABLE");
        // the slot's subsidy is free again: serving the booking now is subsidised
        log("operator", byPickupCode(key(), booking.get("pickupCode"), proxy()))
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.subsidy").entity(String.class).isEqualTo(subsidy)
                .path("logMeal.record.secondMeal").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void shouldCorrectAWrongDinerWithAReplacementQuotedAfresh() {
        String wrong = fixtures.diner();
        String right = fixtures.diner();
        String quoted = quote(right, "12.00");
        String id = log("operator", walkIn(key(), wrong, proxy())).path("logMeal.record.id").entity(String.class).get();
        GraphQlTester.Response corrected = as("operator").documentName("correctMealRecord")
                .variable("input", Map.of("idempotencyKey", key(), "recordId", id, "reason", "录错老人", "dinerId", right,
                        "items", List.of(dishItem(fish, 1)))).execute();
        corrected.path("correctMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("correctMealRecord.voided.voided").entity(Boolean.class).isEqualTo(true)
                .path("correctMealRecord.reversal.reverses.id").entity(String.class).isEqualTo(id)
                .path("correctMealRecord.replacement.kind").entity(String.class).isEqualTo("MEAL")
                .path("correctMealRecord.replacement.origin").entity(String.class).isEqualTo("CORRECTION")
                .path("correctMealRecord.replacement.diner.id").entity(String.class).isEqualTo(right)
                .path("correctMealRecord.replacement.correctionOf.id").entity(String.class).isEqualTo(id)
                .path("correctMealRecord.replacement.price").entity(String.class).isEqualTo("12.00")
                .path("correctMealRecord.replacement.items[0].quantity").entity(Integer.class).isEqualTo(1)
                .path("correctMealRecord.replacement.reason").entity(String.class).isEqualTo("录错老人");
        String subsidy = corrected.path("correctMealRecord.replacement.subsidy").entity(String.class).get();
        assertThat(subsidy).isEqualTo(quoted).isNotEqualTo("0.00");
        // the wrong diner's slot is free again; the audit keeps before and after
        log("operator", walkIn(key(), wrong, proxy())).path("logMeal.record.secondMeal").entity(Boolean.class).isEqualTo(false);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEAL_RECORD_CORRECTED' AND entity_id = ?", Integer.class,
                id)).isEqualTo(1);
    }

    @Test
    void shouldAcceptAMixedOfflineBatchRecordByRecordAndAddNothingWhenReplayed() {
        String booked = fixtures.diner();
        Map<String, String> booking = book(booked);
        String walkIn = fixtures.diner();
        String other = fixtures.diner();
        Instant served = clock.instant().minus(Duration.ofMinutes(30));
        String prefix = "dev1-" + System.nanoTime() + "-";
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(offline(prefix + "1", served, Map.of("pickupCode", booking.get("pickupCode"))));
        records.add(offline(prefix + "2", served, Map.of("dinerId", walkIn, "items", List.of(setMeal("套餐A")))));
        records.add(offline(prefix + "3", served, Map.of("pickupCode", otherCode(booking.get("pickupCode")))));      // no such booking
        records.add(offline("bad id", served, Map.of("dinerId", other, "items", List.of(setMeal("套餐A")))));        // malformed id
        records.add(offline(prefix + "5", served, Map.of("dinerId", other, "items", List.of(dishItem(fish, 9)))));   // quantity out of range
        records.add(offline(prefix + "6", served, Map.of("dinerId", other, "items", List.of(dishItem(rice, 1)))));
        records.add(offline(prefix + "6", served, Map.of("dinerId", other, "items", List.of(dishItem(rice, 1))))); // sent twice in one batch

        GraphQlTester.Response first = upload(records);
        first.path("uploadMealRecords.userErrors").entityList(Object.class).hasSize(0)
                .path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(3)
                .path("uploadMealRecords.duplicateCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.rejectedCount").entity(Integer.class).isEqualTo(3)
                .path("uploadMealRecords.results[*].outcome").entityList(String.class)
                .containsExactly("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED", "DUPLICATE")
                .path("uploadMealRecords.results[2].userErrors[0].code").entity(String.class).isEqualTo("BOOKING_NOT_FOUND")
                .path("uploadMealRecords.results[2].userErrors[0].field").entityList(String.class)
                .containsExactly("input", "records", "2", "pickupCode")
                .path("uploadMealRecords.results[3].userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("uploadMealRecords.results[4].userErrors[0].field").entityList(String.class)
                .containsExactly("input", "records", "4", "items", "0", "quantity")
                .path("uploadMealRecords.results[0].record.origin").entity(String.class).isEqualTo("OFFLINE");
        String sixth = first.path("uploadMealRecords.results[5].record.id").entity(String.class).get();
        first.path("uploadMealRecords.results[6].record.id").entity(String.class).isEqualTo(sixth);
        int rows = countAtSite();
        assertThat(rows).isEqualTo(3);
        as("operator").documentName("bookingById").variable("id", booking.get("id")).execute()
                .path("booking.status").entity(String.class).isEqualTo("SERVED");

        // the device uploads the same batch again (it never saw the answer): nothing is added
        upload(records).path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(0)
                .path("uploadMealRecords.duplicateCount").entity(Integer.class).isEqualTo(4)
                .path("uploadMealRecords.rejectedCount").entity(Integer.class).isEqualTo(3)
                .path("uploadMealRecords.results[5].record.id").entity(String.class).isEqualTo(sixth);
        assertThat(countAtSite()).isEqualTo(rows);

        // the same client record id with another record is refused, not merged
        upload(List.of(offline(prefix + "2", served, Map.of("dinerId", other, "items", List.of(setMeal("套餐A"))))))
                .path("uploadMealRecords.results[0].outcome").entity(String.class).isEqualTo("REJECTED")
                .path("uploadMealRecords.results[0].userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(countAtSite()).isEqualTo(rows);
    }

    @Test
    void shouldRecordAChunkTheDatabaseRefusesRecordByRecord() {
        // the same booking twice in one upload: the chunk's multi-row insert meets the one-meal-per-booking key,
        // and the chunk is recorded again one record at a time, so the refusal lands on the second record alone
        Map<String, String> booking = book(fixtures.diner());
        String walkIn = fixtures.diner();
        Instant served = clock.instant().minus(Duration.ofMinutes(10));
        Instant early = day.atTime(9, 0).atZone(BusinessTime.ZONE).toInstant();
        String prefix = "dev2-" + System.nanoTime() + "-";
        upload(List.of(offline(prefix + "a", served, Map.of("pickupCode", booking.get("pickupCode"))),
                offline(prefix + "b", served, Map.of("pickupCode", booking.get("pickupCode"))),
                offline(prefix + "c", early, Map.of("dinerId", walkIn, "items", List.of(dishItem(rice, 1))))))
                .path("uploadMealRecords.results[*].outcome").entityList(String.class).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED")
                .path("uploadMealRecords.results[1].userErrors[0].code").entity(String.class).isEqualTo("ALREADY_SERVED");
        assertThat(countAtSite()).isEqualTo(2);
        // and the one-at-a-time path raises the same flags: served at 09:00 is outside LUNCH's hours
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record_flag f JOIN meal_record m ON m.id = f.meal_record_id "
                + "WHERE m.diner_id = ? AND f.code = 'OUTSIDE_SERVING_HOURS'", Integer.class, Long.valueOf(walkIn))).isEqualTo(1);
    }

    @Test
    void shouldCountAnUploadsOwnRecordsAgainstTheLimitsAndRaiseItsFlagsAtOnce() {
        String diner = fixtures.diner();
        Instant served = clock.instant().minus(Duration.ofMinutes(20));
        Instant early = day.atTime(9, 0).atZone(BusinessTime.ZONE).toInstant();
        String prefix = "dev3-" + System.nanoTime() + "-";
        GraphQlTester.Response response = upload(List.of(
                offline(prefix + "1", served, Map.of("dinerId", diner, "items", List.of(dishItem(fish, 1)))),
                offline(prefix + "2", early, Map.of("dinerId", diner, "items", List.of(dishItem(fish, 1))))));
        // records go in client record id order: the first is the slot's subsidised meal, the second is a second meal
        response.path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(2)
                .path("uploadMealRecords.results[0].record.secondMeal").entity(Boolean.class).isEqualTo(false)
                .path("uploadMealRecords.results[1].record.secondMeal").entity(Boolean.class).isEqualTo(true)
                .path("uploadMealRecords.results[1].record.subsidy").entity(String.class).isEqualTo("0.00");
        assertThat(response.path("uploadMealRecords.results[0].record.subsidy").entity(String.class).get()).isNotEqualTo("0.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record_flag f JOIN meal_record m ON m.id = f.meal_record_id "
                + "WHERE m.diner_id = ? AND f.code = 'OUTSIDE_SERVING_HOURS'", Integer.class, Long.valueOf(diner))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM meal_record_share s JOIN meal_record m ON m.id = s.meal_record_id "
                + "WHERE m.diner_id = ?", Long.class, Long.valueOf(diner)))
                .isEqualTo(jdbc.queryForObject("SELECT SUM(subsidy_fen) FROM meal_record WHERE diner_id = ?", Long.class, Long.valueOf(diner)));
    }

    @Test
    void shouldRefuseAnEmptyOrOversizedUpload() {
        upload(List.of()).path("uploadMealRecords.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        String diner = fixtures.diner();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(offline("too-many-" + i + "-" + System.nanoTime(), clock.instant(),
                    Map.of("dinerId", diner, "items", List.of(dishItem(rice, 1)))));
        }
        upload(tooMany).path("uploadMealRecords.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("uploadMealRecords.results").entityList(Object.class).hasSize(0);
        assertThat(countAtSite()).isZero();
    }

    // ------------------------------------------------------------ helpers

    private Instant lunchtime(int hour, int minute) {
        Instant at = CounterRequests.at(day, hour, minute);
        clock.stopAt(at);
        return at;
    }

    private Map<String, String> book(String diner) {
        return book(diner, site, List.of(setMeal("套餐A")));
    }

    /** A dine-in booking of the items at the site for the day, made at 08:00: its id, pickup code and QR payload. */
    private Map<String, String> book(String diner, String atSite, List<Map<String, Object>> items) {
        Instant now = clock.instant();
        clock.stopAt(day.atTime(8, 0).atZone(BusinessTime.ZONE).toInstant());
        try {
            GraphQlTester.Response response = as("operator").documentName("bookMeal")
                    .variable("input", bookInput(key(), diner, atSite, day, "DINE_IN", items)).execute();
            response.path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
            return Map.of("id", response.path("bookMeal.booking.id").entity(String.class).get(),
                    "pickupCode", response.path("bookMeal.booking.pickupCode").entity(String.class).get(),
                    "qrPayload", response.path("bookMeal.booking.qrPayload").entity(String.class).get());
        } finally {
            clock.stopAt(now);
        }
    }

    private Map<String, Object> walkIn(String key, String diner, Map<String, Object> verification) {
        return CounterRequests.walkIn(lunch, key, diner, verification);
    }

    private Map<String, Object> byPickupCode(String key, String code, Map<String, Object> verification) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key, "siteId", site, "slot", "LUNCH"));
        if (code != null) {
            input.put("pickupCode", code);
        }
        if (verification != null) {
            input.put("verification", verification);
        }
        return input;
    }

    private static Map<String, Object> withVerification(Map<String, Object> input, Map<String, Object> verification) {
        input.put("verification", verification);
        return input;
    }

    private Map<String, Object> offline(String clientId, Instant servedAt, Map<String, Object> what) {
        Map<String, Object> record = new HashMap<>(what);
        record.put("clientRecordId", clientId);
        record.put("slot", "LUNCH");
        record.put("servedAt", servedAt.toString());
        record.put("verification", proxy());
        return record;
    }

    private static Map<String, Object> proxy() {
        return Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便");
    }

    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private String quote(String diner, String price) {
        return as("operator").documentName("quoteMeal").variable("dinerId", diner).variable("siteId", site).variable("date", day.toString())
                .variable("slot", "LUNCH").variable("price", price).execute().path("quoteMeal.subsidy").entity(String.class).get();
    }

    private GraphQlTester.Response log(String user, Map<String, Object> input) {
        return as(user).documentName("logMeal").variable("input", input).execute();
    }

    private GraphQlTester.Response upload(List<Map<String, Object>> records) {
        return CounterRequests.upload(as("operator"), site, records);
    }

    private void expectError(Map<String, Object> input, String code) {
        log("operator", input).path("logMeal.record").valueIsNull()
                .path("logMeal.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private void voidExpecting(String recordId, String code) {
        as("operator").documentName("voidMealRecord").variable("input", Map.of("idempotencyKey", key(), "recordId", recordId, "reason", "重复"))
                .execute().path("voidMealRecord.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    private long amountsOf(String recordId) {
        return jdbc.queryForObject("SELECT price_fen * 1000000 + subsidy_fen * 1000 + diner_pays_fen FROM meal_record WHERE id = ?", Long.class,
                Long.valueOf(recordId));
    }

    private int countAtSite() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE site_id = ?", Integer.class, Long.valueOf(site));
    }
}
