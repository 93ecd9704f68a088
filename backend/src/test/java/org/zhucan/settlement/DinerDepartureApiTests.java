package org.zhucan.settlement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhucan.booking.RecurringBookingService;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;
import static org.zhucan.testsupport.Responses.errorType;

/**
 * A death recorded late (issue 19, point 2), over HTTP against the real database, with the application's clock
 * moved over two months that lie wholly after today (so every date is one the canteens serve and no test depends
 * on where in the month today falls): meals after the death in a month whose statement is approved, and in the
 * next, unsettled; bookings and a recurring booking after it; a family account linked to the diner and one that
 * is not. Recording the death withdraws the subsidies by correction, carries the settled ones into the next
 * statement as negative adjustments, cancels and ends the bookings, and tells the family; all audited.
 */
class DinerDepartureApiTests extends DistrictSettlementTest {

    @Autowired
    RecurringBookingService recurringBookings;

    @Test
    void shouldWithdrawSubsidiesAfterABackdatedDeathAcrossASettledMonthCancelBookingsAndTellTheFamily() {
        LocalDate month = today().plusMonths(1).withDayOfMonth(1);
        LocalDate monthEnd = month.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate next = month.plusMonths(1);
        LocalDate death = month.plusDays(9);
        DinerFixtures dinerFixtures = new DinerFixtures(as("admin"), jdbc);
        String idNumber = dinerFixtures.freshIdNumber(DinerFixtures.randomBirthDate(1950, 10), true);
        String diner = dinerFixtures.registerActiveSince2020("离世老人", world.villageId, idNumber, List.of(), null);
        String otherDiner = world.diner(List.of());
        String family = familyOf(diner);
        String otherFamily = familyOf(otherDiner);
        publishLunches(month.plusDays(4), death, month.plusDays(14), next.plusDays(2), next.plusDays(4), next.plusDays(5));

        // month M: a meal before the death, one on its day, one after it; month M+1: one more, a booking and a recurring one
        String before = serveAt(month.plusDays(4), diner);
        String onTheDay = serveAt(death, diner);
        String settledAfter = serveAt(month.plusDays(14), diner);
        String unsettledAfter = serveAt(next.plusDays(2), diner);
        String booking = book(diner, next.plusDays(4));
        String othersBooking = book(otherDiner, next.plusDays(4));
        String recurring = recurring(diner, next.plusDays(5), next.plusDays(20));
        recurringBookings.materialise();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE diner_id = ? AND status = 'BOOKED'", Integer.class,
                Long.valueOf(diner))).isEqualTo(2);

        // M's statement approved before anyone knows of the death
        String statement = (String) statements.generate(world.financeA, month, monthEnd).get("id");
        statements.operation(world.operatorStaff, "submitSettlement").variable("input", Map.of("statementId", statement, "version", 1))
                .execute().path("submitSettlement.userErrors").entityList(Object.class).hasSize(0);
        statements.operation(world.financeB, "approveSettlement").variable("input", Map.of("statementId", statement, "version", 2))
                .execute().path("approveSettlement.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> approved = statements.read(world.financeA, statement);
        assertThat(approved).containsEntry("status", "APPROVED").containsEntry("recordCount", 3).containsEntry("mealSubsidy", "15.00");

        // the death is recorded on the 3rd of M+1, dated the 10th of M
        changeStatus(diner, "DECEASED", death, "家属报告：老人已去世").path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0)
                .path("changeDinerStatus.diner.status").entity(String.class).isEqualTo("DECEASED");

        // meals before and on the day stand, subsidised and unflagged
        for (String kept : List.of(before, onTheDay)) {
            record(kept).path("mealRecord.voided").entity(Boolean.class).isEqualTo(false)
                    .path("mealRecord.subsidy").entity(String.class).isEqualTo("5.00")
                    .path("mealRecord.flags").entityList(Object.class).hasSize(0);
        }
        // meals after it are flagged, voided and replaced at full price: the diner's estate owes 10.00 each
        for (String after : List.of(settledAfter, unsettledAfter)) {
            record(after).path("mealRecord.voided").entity(Boolean.class).isEqualTo(true)
                    .path("mealRecord.flags[*].code").entityList(String.class).contains("AFTER_DEATH");
            String replacement = replacementOf(after);
            record(replacement).path("mealRecord.voided").entity(Boolean.class).isEqualTo(false)
                    .path("mealRecord.kind").entity(String.class).isEqualTo("MEAL")
                    .path("mealRecord.price").entity(String.class).isEqualTo("10.00")
                    .path("mealRecord.subsidy").entity(String.class).isEqualTo("0.00")
                    .path("mealRecord.dinerPays").entity(String.class).isEqualTo("10.00")
                    .path("mealRecord.flags[*].code").entityList(String.class).contains("AFTER_DEATH", "DINER_NOT_ACTIVE");
        }
        // the subsidy usage of M+1 is given back: the month holds nothing any more
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(subsidy_fen), 0) FROM meal_record WHERE diner_id = ? AND service_date >= ?",
                Long.class, Long.valueOf(diner), java.sql.Date.valueOf(next))).isZero();

        // the approved statement is untouched
        assertThat(statements.read(world.financeA, statement)).isEqualTo(approved);

        // bookings from the date cancelled with the reason; the recurring booking ended, and the job books nothing more
        as("admin").documentName("departures").operationName("departureBooking").variable("id", booking).execute()
                .path("booking.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForList("SELECT cancel_reason FROM booking WHERE diner_id = ? AND status = 'CANCELLED'", String.class,
                Long.valueOf(diner))).hasSize(2).allSatisfy(reason -> assertThat(reason).contains("去世").contains(death.toString()));
        as("admin").documentName("departures").operationName("departureBooking").variable("id", othersBooking).execute()
                .path("booking.status").entity(String.class).isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("SELECT ends_on FROM recurring_booking WHERE id = ?", LocalDate.class, Long.valueOf(recurring)))
                .isEqualTo(next.plusDays(5));
        recurringBookings.materialise();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE diner_id = ? AND status = 'BOOKED'", Integer.class,
                Long.valueOf(diner))).isZero();

        // the family reads what happened, without the ID number; the other family sees nothing of it
        GraphQlTester.Response notices = notices(family, Map.of());
        notices.path("myNotices.totalCount").entity(Integer.class).isEqualTo(4);
        assertThat(notices.path("myNotices.edges[*].node.kind").entityList(String.class).get())
                .containsExactlyInAnyOrder("SUBSIDY_WITHDRAWN", "BOOKING_CANCELLED", "BOOKING_CANCELLED", "RECURRING_BOOKING_ENDED");
        assertThat(notices.path("myNotices.edges[*].node.diner.id").entityList(String.class).get()).containsOnly(diner);
        notices(family, Map.of("unreadOnly", true)).path("myNotices.totalCount").entity(Integer.class).isEqualTo(4);
        List<String> bodies = notices.path("myNotices.edges[*].node.body").entityList(String.class).get();
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14)));
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains(next.plusDays(4).toString()).contains("午餐").contains("结算测试食堂甲")
                .contains("去世"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("2 餐").contains("10.00 元"));
        notices(otherFamily, Map.of()).path("myNotices.totalCount").entity(Integer.class).isEqualTo(0);
        notices(family, Map.of("dinerId", otherDiner)).path("myNotices.totalCount").entity(Integer.class).isEqualTo(0);

        // marking one read: only for the family's own, and only once
        String notice = notices.path("myNotices.edges[0].node.id").entity(String.class).get();
        String readAt = markRead(family, notice).path("markNoticeRead.notice.readAt").entity(String.class).get();
        assertThat(readAt).isNotNull();
        markRead(family, notice).path("markNoticeRead.notice.readAt").entity(String.class).isEqualTo(readAt);
        assertThat(errorType(markRead(otherFamily, notice))).isEqualTo("NOT_FOUND");
        assertThat(errorType(as(world.financeA).documentName("notices").operationName("myNotices").execute())).isEqualTo("FORBIDDEN");
        notices(family, Map.of("unreadOnly", true)).path("myNotices.totalCount").entity(Integer.class).isEqualTo(3);

        // every consequence audited: one row per kind with its counts, besides the corrections' and cancellations' own
        assertThat(auditAfter(diner, "MEALS_AFTER_DEPARTURE_CORRECTED")).contains("\"mealsFlagged\":2").contains("\"subsidiesWithdrawn\":2")
                .contains("\"withdrawnSubsidy\":\"10.00\"");
        assertThat(auditAfter(diner, "BOOKINGS_ENDED_ON_DEPARTURE")).contains("\"bookingsCancelled\":2").contains("\"recurringBookingsEnded\":1")
                .contains("\"noticesSent\":3");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEAL_RECORD_CORRECTED' AND entity_id IN (?, ?)",
                Integer.class, settledAfter, unsettledAfter)).isEqualTo(2);

        // M+1's statement: the settled meal's withdrawn subsidy as negative ADJUSTMENT lines; the unsettled one nets to nothing
        stopAt(next.plusMonths(1), LocalTime.of(10, 0));
        Map<String, Object> following = statements.generate(world.financeA, next, next.with(TemporalAdjusters.lastDayOfMonth()));
        // flagged for review there: the settled meal's replacement, the unsettled meal and its replacement (reversals carry no flags)
        assertThat(following).containsEntry("carriedCount", 2).containsEntry("mealSubsidy", "-5.00").containsEntry("flaggedCount", 3);
        assertThat(lines(following)).filteredOn(line -> "ADJUSTMENT".equals(line.get("kind"))).containsExactlyInAnyOrder(
                line("ADJUSTMENT", world.siteA, "CITY", -1, "-2.00"),
                line("ADJUSTMENT", world.siteA, "DISTRICT", -1, "-3.00"));
        long mealSubsidyFen = lines(following).stream().filter(line -> "MEAL_SUBSIDY".equals(line.get("kind")))
                .mapToLong(line -> new java.math.BigDecimal((String) line.get("amount")).movePointRight(2).longValueExact()).sum();
        // the M+1 meal: +5.00, its reversal -5.00, and a replacement without subsidy
        assertThat(mealSubsidyFen).isZero();
        assertThat(jdbc.queryForList("SELECT sr.statement_id FROM settlement_record sr JOIN meal_record m ON m.id = sr.meal_record_id"
                + " WHERE m.reverses_id = ?", Long.class, Long.valueOf(settledAfter))).containsExactly(Long.valueOf((String) following.get("id")));
    }

    @Test
    void shouldTurnADeathBackOnlyToActiveByAnAdministratorWithAReasonRestoringNothingSilently() {
        LocalDate month = today().plusMonths(1).withDayOfMonth(1);
        LocalDate death = month.plusDays(1);
        String diner = world.diner(List.of());
        String family = familyOf(diner);
        publishLunches(month.plusDays(2));
        String meal = serveAt(month.plusDays(2), diner);
        stopAt(month.plusDays(3), LocalTime.of(9, 0));
        changeStatus(diner, "DECEASED", death, "误报去世").path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
        String replacement = replacementOf(meal);

        // nothing but ACTIVE, and only with a reason, by ADMIN
        assertThat(code(changeStatus(diner, "MOVED_AWAY", death, "迁往外地"))).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        assertThat(code(changeStatus(diner, "SUSPENDED", death, "暂停"))).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        GraphQlTester.Response blank = changeStatus(diner, "ACTIVE", death, "  ");
        assertThat(code(blank)).isEqualTo("INVALID_INPUT");
        blank.path("changeDinerStatus.userErrors[0].field").entityList(String.class).containsExactly("input", "reason");
        assertThat(errorType(as(world.financeA).documentName("departures").operationName("changeDinerStatus")
                .variable("input", Map.of("dinerId", diner, "status", "ACTIVE", "effectiveOn", death.toString(), "reason", "误报")).execute()))
                .isEqualTo("FORBIDDEN");

        changeStatus(diner, "ACTIVE", death, "民政核实：去世登记有误").path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0)
                .path("changeDinerStatus.diner.status").entity(String.class).isEqualTo("ACTIVE")
                .path("changeDinerStatus.diner.statusHistory[*].toStatus").entityList(String.class).containsExactly("ACTIVE", "DECEASED", "ACTIVE")
                .path("changeDinerStatus.diner.statusHistory[2].fromStatus").entity(String.class).isEqualTo("DECEASED")
                .path("changeDinerStatus.diner.statusHistory[2].reason").entity(String.class).isEqualTo("民政核实：去世登记有误");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DINER_DEATH_CORRECTED' AND entity_id = ?", Integer.class,
                diner)).isEqualTo(1);
        notices(family, Map.of()).path("myNotices.edges[*].node.kind").entityList(String.class).contains("STATUS_CORRECTED", "SUBSIDY_WITHDRAWN");

        // the withdrawn subsidy stays withdrawn until someone corrects the meal, which quotes it afresh: ACTIVE again, subsidised
        record(replacement).path("mealRecord.subsidy").entity(String.class).isEqualTo("0.00");
        as(world.operatorStaff).documentName("departures").operationName("departureCorrectMealRecord")
                .variable("input", Map.of("idempotencyKey", "k-" + UUID.randomUUID(), "recordId", replacement, "reason", "去世登记有误，恢复补贴"))
                .execute().path("correctMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("correctMealRecord.replacement.subsidy").entity(String.class).isEqualTo("5.00");
    }

    @Test
    void shouldFlagAMoveOutLikeADeathButWithdrawNothingForASuspensionWhileCancellingItsBookings() {
        LocalDate day = today().plusMonths(1).withDayOfMonth(1);
        String moved = world.diner(List.of());
        String suspended = world.diner(List.of());
        publishLunches(day.plusDays(2), day.plusDays(5), day.plusDays(6));
        String movedMeal = serveAt(day.plusDays(2), moved);
        String suspendedMeal = serveAt(day.plusDays(2), suspended);
        String booking = book(suspended, day.plusDays(5));
        String recurring = recurring(suspended, day.plusDays(6), day.plusDays(20));
        LocalDate recurringEnds = jdbc.queryForObject("SELECT ends_on FROM recurring_booking WHERE id = ?", LocalDate.class, Long.valueOf(recurring));

        changeStatus(moved, "MOVED_AWAY", day, "迁往外区").path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
        record(movedMeal).path("mealRecord.voided").entity(Boolean.class).isEqualTo(true)
                .path("mealRecord.flags[*].code").entityList(String.class).contains("AFTER_MOVE_OUT");
        record(replacementOf(movedMeal)).path("mealRecord.subsidy").entity(String.class).isEqualTo("0.00")
                .path("mealRecord.flags[*].code").entityList(String.class).contains("AFTER_MOVE_OUT");

        // a suspension is decided from now on: the meal stands subsidised; the booking goes, the recurring booking stays
        changeStatus(suspended, "SUSPENDED", day, "住院").path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
        record(suspendedMeal).path("mealRecord.voided").entity(Boolean.class).isEqualTo(false)
                .path("mealRecord.subsidy").entity(String.class).isEqualTo("5.00")
                .path("mealRecord.flags").entityList(Object.class).hasSize(0);
        as("admin").documentName("departures").operationName("departureBooking").variable("id", booking).execute()
                .path("booking.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT ends_on FROM recurring_booking WHERE id = ?", LocalDate.class, Long.valueOf(recurring)))
                .isEqualTo(recurringEnds);
        assertThat(auditAfter(suspended, "BOOKINGS_ENDED_ON_DEPARTURE")).contains("\"recurringBookingsEnded\":0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MEALS_AFTER_DEPARTURE_CORRECTED' AND entity_id = ?",
                Integer.class, suspended)).isZero();
    }

    // ------------------------------------------------------------ helpers

    /** A DINER account linked to the diner, logged in after the link (its token carries its diners). */
    private String familyOf(String diner) {
        String account = TestAccounts.create(jdbc, "DINER", null, null, "离世老人家属");
        Canteens.linkFamily(as("admin"), account, diner);
        as(account);
        return account;
    }

    private void publishLunches(LocalDate... dates) {
        String fish = Canteens.dish(as("admin"), world.operatorId, "清蒸鱼", "8.00");
        String rice = Canteens.dish(as("admin"), world.operatorId, "米饭", "1.00");
        for (LocalDate date : dates) {
            Canteens.publishSetMeal(as("admin"), world.siteA, date, "LUNCH", fish, rice);
        }
    }

    /** 套餐A at site A's lunch on the date, served at 11:30 with the clock at 12:30. */
    private String serveAt(LocalDate date, String diner) {
        stopAt(date, LocalTime.of(12, 30));
        return world.serve(world.siteA, diner, shanghai(date, 11, 30));
    }

    private String book(String diner, LocalDate date) {
        return as("admin").documentName("fixtureBookMeal").variable("input", Map.of("idempotencyKey", "k-" + UUID.randomUUID(), "dinerId", diner,
                        "siteId", world.siteA, "date", date.toString(), "slot", "LUNCH", "fulfilment", "DINE_IN",
                        "items", List.of(Map.of("setMealName", "套餐A"))))
                .execute().path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.id").entity(String.class).get();
    }

    private String recurring(String diner, LocalDate from, LocalDate to) {
        return as("admin").documentName("fixtureCreateRecurringBooking").variable("input", Map.of("idempotencyKey", "k-" + UUID.randomUUID(),
                        "dinerId", diner, "siteId", world.siteA, "slot", "LUNCH", "fulfilment", "DINE_IN",
                        "weekdays", List.of(DayOfWeek.values()).stream().map(Enum::name).toList(), "startsOn", from.toString(),
                        "endsOn", to.toString(), "setMealName", "套餐A"))
                .execute().path("createRecurringBooking.userErrors").entityList(Object.class).hasSize(0)
                .path("createRecurringBooking.recurringBooking.id").entity(String.class).get();
    }

    private GraphQlTester.Response changeStatus(String diner, String status, LocalDate effectiveOn, String reason) {
        return as("admin").documentName("departures").operationName("changeDinerStatus")
                .variable("input", Map.of("dinerId", diner, "status", status, "effectiveOn", effectiveOn.toString(), "reason", reason)).execute();
    }

    private static String code(GraphQlTester.Response response) {
        List<String> codes = response.path("changeDinerStatus.userErrors[*].code").entityList(String.class).get();
        return codes.isEmpty() ? null : codes.get(0);
    }

    private GraphQlTester.Response record(String id) {
        return as("admin").documentName("departures").operationName("departureMealRecord").variable("id", id).execute();
    }

    /** The record that replaced one corrected. */
    private String replacementOf(String recordId) {
        return String.valueOf(jdbc.queryForObject("SELECT id FROM meal_record WHERE corrects_id = ?", Long.class, Long.valueOf(recordId)));
    }

    private GraphQlTester.Response notices(String account, Map<String, Object> filter) {
        return as(account).documentName("notices").operationName("myNotices").variable("filter", filter).variable("first", 50).execute();
    }

    private GraphQlTester.Response markRead(String account, String notice) {
        return as(account).documentName("notices").operationName("markNoticeRead").variable("input", Map.of("noticeId", notice)).execute();
    }

    private String auditAfter(String diner, String action) {
        return jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = ? AND entity_type = 'Diner' AND entity_id = ?", String.class,
                action, diner);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> statement) {
        return (List<Map<String, Object>>) statement.get("lines");
    }

    private static Map<String, Object> line(String kind, String site, String source, int quantity, String amount) {
        Map<String, Object> line = new HashMap<>();
        line.put("kind", kind);
        line.put("site", Map.of("id", site));
        line.put("source", source);
        line.put("dinerCategory", null);
        line.put("quantity", quantity);
        line.put("amount", amount);
        return line;
    }
}
