package org.zhucan.payments;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.TwoSlotDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.TwoSlotDistrict.walkIn;

/**
 * The diner's share over HTTP against the real database: a meal's payment (cash when none is given, prepaid
 * from a balance that never goes below zero, online with the provider's reference), its refund on a void,
 * the prepaid ledger and its check, the daily cash close and the reconciliation of a provider statement. The
 * district's policy subsidises the first meal of a day 5.00 of its 10.00: the diner pays 5.00, then 10.00.
 */
class PaymentsApiTests extends ApiTest {

    private static final String LOG_MEAL = """
            mutation($input: LogMealInput!) { logMeal(input: $input) {
              record { id dinerPays payments { kind method amount externalReference takenBy cashDate } }
              userErrors { code field message } } }""";
    private static final String VOID = """
            mutation($input: VoidMealRecordInput!) { voidMealRecord(input: $input) {
              voided { id payments { kind method amount externalReference takenBy cashDate } } userErrors { code } } }""";
    private static final String TOP_UP = """
            mutation($input: TopUpPrepaidInput!) { topUpPrepaid(input: $input) {
              account { balance ledgerSum consistent } entry { id kind amount balanceAfter method externalReference }
              userErrors { code field message } } }""";
    private static final String ACCOUNT = "query($diner: ID!) { prepaidAccount(dinerId: $diner) { balance ledgerSum consistent } }";
    private static final String ENTRIES = """
            query($diner: ID!) { prepaidEntries(dinerId: $diner) { totalCount edges { node { kind amount balanceAfter } } } }""";
    private static final String CASH_DAY = """
            query($site: ID!, $date: Date!) { cashDay(siteId: $site, date: $date) {
              status closedBy staff { staff expected counted handedOver difference differenceReason } byMethod { method amount count } } }""";
    private static final String COUNT = """
            mutation($input: RecordCashCountInput!) { recordCashCount(input: $input) {
              cashDay { status staff { staff expected counted difference } } userErrors { code field message } } }""";
    private static final String CLOSE = """
            mutation($input: CloseCashDayInput!) { closeCashDay(input: $input) {
              cashDay { status closedBy staff { staff expected counted difference differenceReason } } userErrors { code field message } } }""";

    private static TwoSlotDistrict world;

    @Autowired
    JdbcTemplate jdbc;

    LocalDate today;
    LocalDate yesterday;

    @BeforeEach
    void world() {
        today = DistrictWorld.today();
        yesterday = today.minusDays(1);
        if (world == null) {
            world = new TwoSlotDistrict(this::as, jdbc);
        }
    }

    @Test
    void shouldTakeCashWhenNoPaymentIsGivenAndRefundItOnAVoid() {
        String site = world.canteen(yesterday, today);
        String diner = world.diners(1).get(0);
        HttpGraphQlTester staff = as(world.staff);
        GraphQlTester.Response logged = staff.document(LOG_MEAL).variable("input", walkIn(site, "LUNCH", diner, shanghai(yesterday, 12, 0))).execute();
        logged.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        String record = logged.path("logMeal.record.id").entity(String.class).get();
        assertThat(logged.path("logMeal.record.payments").entityList(Map.class).get())
                .containsExactly(payment("CHARGE", "CASH", "5.00", null, world.staff, yesterday));
        // written with the meal's other writes as one JSON row (PaymentMapper.insertChargesOf): taken at the instant the record was
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment p JOIN meal_record m ON m.id = p.meal_record_id"
                + " WHERE m.id = ? AND p.kind = 'CHARGE' AND p.taken_at = m.recorded_at", Integer.class, Long.valueOf(record))).isEqualTo(1);

        GraphQlTester.Response voided = staff.document(VOID).variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(), "recordId", record,
                "reason", "录错")).execute();
        voided.path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0);
        // refunded the day it is handed back, in the method it was paid
        assertThat(voided.path("voidMealRecord.voided.payments").entityList(Map.class).get()).containsExactly(
                payment("CHARGE", "CASH", "5.00", null, world.staff, yesterday), payment("REFUND", "CASH", "-5.00", null, world.staff, today));
    }

    @Test
    void shouldPayFromThePrepaidBalanceNeverBelowZeroAndGiveItBackOnAVoid() {
        String site = world.canteen(yesterday, today);
        String diner = world.diners(1).get(0);
        HttpGraphQlTester staff = as(world.staff);
        GraphQlTester.Response topUp = staff.document(TOP_UP).variable("input", topUpInput(diner, site, "12.00", "CASH", null)).execute();
        topUp.path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
        topUp.path("topUpPrepaid.account.balance").entity(String.class).isEqualTo("12.00");

        Map<String, Object> first = prepaid(walkIn(site, "LUNCH", diner, shanghai(yesterday, 12, 0)));
        GraphQlTester.Response paid = staff.document(LOG_MEAL).variable("input", first).execute();
        paid.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        String record = paid.path("logMeal.record.id").entity(String.class).get();
        paid.path("logMeal.record.payments[0].method").entity(String.class).isEqualTo("PREPAID");
        balanceIs(diner, "7.00");

        // the second meal of the day is not subsidised: 10.00 against 7.00
        GraphQlTester.Response refused = staff.document(LOG_MEAL).variable("input", prepaid(walkIn(site, "DINNER", diner, shanghai(yesterday, 18, 0))))
                .execute();
        refused.path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_BALANCE");
        refused.path("logMeal.record").valueIsNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Long.class, Long.valueOf(diner))).isEqualTo(1);
        balanceIs(diner, "7.00");

        staff.document(VOID).variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(), "recordId", record, "reason", "录错")).execute()
                .path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0);
        balanceIs(diner, "12.00");
        as("admin").document(ENTRIES).variable("diner", diner).execute()
                .path("prepaidEntries.totalCount").entity(Integer.class).isEqualTo(3)
                .path("prepaidEntries.edges[*].node.kind").entityList(String.class).containsExactly("REFUND", "MEAL", "TOP_UP")
                .path("prepaidEntries.edges[*].node.balanceAfter").entityList(String.class).containsExactly("12.00", "7.00", "12.00");
        as("admin").document("{ checkPrepaidLedger { checkedCount mismatches { dinerId } } }").execute()
                .path("checkPrepaidLedger.mismatches").entityList(Object.class).hasSize(0);

        // an adjustment below zero is refused; the check finds a balance tampered with behind the ledger's back
        as("admin").document("""
                        mutation($input: AdjustPrepaidInput!) { adjustPrepaid(input: $input) { userErrors { code } } }""")
                .variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(), "dinerId", diner, "amount", "-12.01", "reason", "误充"))
                .execute().path("adjustPrepaid.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_BALANCE");
        jdbc.update("UPDATE prepaid_balance SET balance_fen = balance_fen + 1 WHERE diner_id = ?", Long.valueOf(diner));
        try {
            as("admin").document("{ checkPrepaidLedger { mismatches { dinerId balance ledgerSum } } }").execute()
                    .path("checkPrepaidLedger.mismatches").entityList(Map.class)
                    .contains(Map.of("dinerId", diner, "balance", "12.01", "ledgerSum", "12.00"));
        } finally {
            jdbc.update("UPDATE prepaid_balance SET balance_fen = balance_fen - 1 WHERE diner_id = ?", Long.valueOf(diner));
        }
    }

    @Test
    void shouldRejectOnlyTheUploadedRecordsTheBalanceCannotCover() {
        String site = world.canteen(yesterday, today);
        List<String> diners = world.diners(2);
        HttpGraphQlTester staff = as(world.staff);
        // 5.00 each for the first meal of the day: the first diner's 5.00 covers it, the second diner has 4.99
        staff.document(TOP_UP).variable("input", topUpInput(diners.get(0), site, "5.00", "CASH", null)).execute()
                .path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
        staff.document(TOP_UP).variable("input", topUpInput(diners.get(1), site, "4.99", "CASH", null)).execute()
                .path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
        String run = "up-" + System.nanoTime() + "-";
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> record = TwoSlotDistrict.offline(run + i, "LUNCH", diners.get(i), shanghai(yesterday, 12, 0));
            record.put("payment", Map.of("method", "PREPAID"));
            records.add(record);
        }
        GraphQlTester.Response uploaded = staff.documentName("uploadMealRecords").variable("input", Map.of("siteId", site, "records", records))
                .execute();
        uploaded.path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.rejectedCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.results[1].userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_BALANCE");
        balanceIs(diners.get(0), "0.00");
        balanceIs(diners.get(1), "4.99");
    }

    @Test
    void shouldRefuseAPaymentThatCannotBeTakenAsGiven() {
        String site = world.canteen(yesterday, today);
        String diner = world.diners(1).get(0);
        HttpGraphQlTester staff = as(world.staff);
        Map<String, Object> noReference = walkIn(site, "LUNCH", diner, shanghai(yesterday, 12, 0));
        noReference.put("payment", Map.of("method", "WECHAT"));
        staff.document(LOG_MEAL).variable("input", noReference).execute()
                .path("logMeal.userErrors[0].field").entityList(String.class).containsExactly("input", "payment", "externalReference");
        Map<String, Object> free = walkIn(site, "LUNCH", diner, shanghai(yesterday, 12, 0));
        free.put("payment", Map.of("method", "FREE"));
        staff.document(LOG_MEAL).variable("input", free).execute()
                .path("logMeal.userErrors[0].field").entityList(String.class).containsExactly("input", "payment", "method");
        staff.document(TOP_UP).variable("input", topUpInput(diner, site, "0.00", "CASH", null)).execute()
                .path("topUpPrepaid.userErrors[0].field").entityList(String.class).containsExactly("input", "amount");
        // an online top-up is credited once per reference
        String reference = "wx" + System.nanoTime();
        staff.document(TOP_UP).variable("input", topUpInput(diner, site, "20.00", "WECHAT", reference)).execute()
                .path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
        staff.document(TOP_UP).variable("input", topUpInput(diner, site, "20.00", "WECHAT", reference)).execute()
                .path("topUpPrepaid.userErrors[0].code").entity(String.class).isEqualTo("REFERENCE_USED");
        balanceIs(diner, "20.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PREPAID_TOPPED_UP' AND entity_id = ?", Long.class, diner))
                .isEqualTo(1);
    }

    @Test
    void shouldCloseACashDayOnceCountedAndSendLaterMoneyToTheNextDay() {
        String site = world.canteen(yesterday.minusDays(1), yesterday, today);
        String diner = world.diners(1).get(0);
        HttpGraphQlTester staff = as(world.staff);
        String record = logged(staff, walkIn(site, "LUNCH", diner, shanghai(yesterday, 12, 0)));
        GraphQlTester.Response open = staff.document(CASH_DAY).variable("site", site).variable("date", yesterday.toString()).execute();
        open.path("cashDay.status").entity(String.class).isEqualTo("OPEN");
        open.path("cashDay.staff[0].expected").entity(String.class).isEqualTo("5.00");
        open.path("cashDay.byMethod[0]").entity(Map.class).isEqualTo(Map.of("method", "CASH", "amount", "5.00", "count", 1));

        staff.document(CLOSE).variable("input", Map.of("siteId", site, "date", yesterday.toString())).execute()
                .path("closeCashDay.userErrors[0].code").entity(String.class).isEqualTo("COUNT_MISSING");
        count(staff, site, yesterday, "4.00", null).path("recordCashCount.userErrors").entityList(Object.class).hasSize(0);
        staff.document(CLOSE).variable("input", Map.of("siteId", site, "date", yesterday.toString())).execute()
                .path("closeCashDay.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        count(staff, site, yesterday, "4.00", "找零少收1元").path("recordCashCount.userErrors").entityList(Object.class).hasSize(0);
        GraphQlTester.Response closed = staff.document(CLOSE).variable("input", Map.of("siteId", site, "date", yesterday.toString())).execute();
        closed.path("closeCashDay.userErrors").entityList(Object.class).hasSize(0);
        closed.path("closeCashDay.cashDay.status").entity(String.class).isEqualTo("CLOSED");
        closed.path("closeCashDay.cashDay.staff[0]").entity(Map.class).isEqualTo(Map.of("staff", world.staff, "expected", "5.00", "counted", "4.00",
                "difference", "-1.00", "differenceReason", "找零少收1元"));

        // closed for good: no count, no second close, no earlier day
        count(staff, site, yesterday, "5.00", null).path("recordCashCount.userErrors[0].code").entity(String.class).isEqualTo("DAY_CLOSED");
        staff.document(CLOSE).variable("input", Map.of("siteId", site, "date", yesterday.toString())).execute()
                .path("closeCashDay.userErrors[0].code").entity(String.class).isEqualTo("DAY_CLOSED");
        staff.document(CLOSE).variable("input", Map.of("siteId", site, "date", yesterday.minusDays(1).toString())).execute()
                .path("closeCashDay.userErrors[0].code").entity(String.class).isEqualTo("DAY_CLOSED");

        // a void of the closed day's meal, and a late upload for it, land in the next open day; the closed day stays as it was
        staff.document(VOID).variable("input", Map.of("idempotencyKey", "k-" + System.nanoTime(), "recordId", record, "reason", "录错")).execute()
                .path("voidMealRecord.userErrors").entityList(Object.class).hasSize(0);
        logged(staff, walkIn(site, "DINNER", world.diners(1).get(0), shanghai(yesterday, 18, 0)));
        staff.document(CASH_DAY).variable("site", site).variable("date", yesterday.toString()).execute()
                .path("cashDay.staff[0].expected").entity(String.class).isEqualTo("5.00");
        staff.document(CASH_DAY).variable("site", site).variable("date", today.toString()).execute()
                .path("cashDay.status").entity(String.class).isEqualTo("OPEN")
                .path("cashDay.staff[0].expected").entity(String.class).isEqualTo("0.00")
                .path("cashDay.byMethod[0].count").entity(Integer.class).isEqualTo(2);

        String csv = as("admin").document("query($site: ID!, $from: Date!, $to: Date!) { cashDaysCsv(siteId: $site, from: $from, to: $to) }")
                .variable("site", site).variable("from", yesterday.minusDays(1).toString()).variable("to", today.toString()).execute()
                .path("cashDaysCsv").entity(String.class).get();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).startsWith(yesterday + ",\"" + world.staff + "\",5.00,4.00,4.00,\"街道财务\",-1.00,\"找零少收1元\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'CASH_DAY_CLOSED' AND entity_id = ?", Long.class,
                site + "/" + yesterday)).isEqualTo(1);
    }

    @Test
    void shouldMatchAProviderStatementAgainstThePaymentsAndTopUps() {
        String site = world.canteen(yesterday, today);
        HttpGraphQlTester staff = as(world.staff);
        String run = "r" + System.nanoTime();
        Map<String, Object> meal = walkIn(site, "LUNCH", world.diners(1).get(0), shanghai(yesterday, 12, 0));
        meal.put("payment", Map.of("method", "WECHAT", "externalReference", run + "-1"));
        logged(staff, meal);
        Map<String, Object> other = walkIn(site, "LUNCH", world.diners(1).get(0), shanghai(yesterday, 12, 0));
        other.put("payment", Map.of("method", "WECHAT", "externalReference", run + "-2"));
        logged(staff, other);
        staff.document(TOP_UP).variable("input", topUpInput(world.diners(1).get(0), site, "30.00", "WECHAT", run + "-3")).execute()
                .path("topUpPrepaid.userErrors").entityList(Object.class).hasSize(0);
        String document = """
                mutation($input: ImportProviderStatementInput!) { importProviderStatement(input: $input) {
                  statement { id matchedCount lines { reference ours theirs status } } userErrors { code field message } } }""";
        Map<String, Object> input = new HashMap<>(Map.of("operatorId", world.operatorId, "provider", "WECHAT", "from", yesterday.toString(),
                "to", today.toString(), "csv", "reference,amount,time\n" + run + "-1,5.00,2026-11-22 12:00:01\nbroken line\n"));
        staff.document(document).variable("input", input).execute()
                .path("importProviderStatement.userErrors[0].field").entityList(String.class).containsExactly("input", "csv", "3");
        input.put("csv", "reference,amount,time\r\n" + run + "-1,5.00,2026-11-22 12:00:01\r\n" + run + "-2,4.00,2026-11-22T12:00:02+08:00\r\n"
                + run + "-4,3.00,2026-11-22 12:00:03\r\n");
        GraphQlTester.Response imported = staff.document(document).variable("input", input).execute();
        imported.path("importProviderStatement.userErrors").entityList(Object.class).hasSize(0);
        List<Map> lines = imported.path("importProviderStatement.statement.lines").entityList(Map.class).get().stream()
                .filter(line -> line.get("reference").toString().startsWith(run)).toList();
        assertThat(lines).containsExactlyInAnyOrder(
                line(run + "-1", "5.00", "5.00", "MATCHED"), line(run + "-2", "5.00", "4.00", "AMOUNT_DIFFERS"),
                line(run + "-3", "30.00", null, "MISSING_THEIRS"), line(run + "-4", null, "3.00", "MISSING_OURS"));
        String id = imported.path("importProviderStatement.statement.id").entity(String.class).get();
        as("operator").document("query($id: ID!) { providerStatement(id: $id) { id } }").variable("id", id).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions().get("classification")).isEqualTo("NOT_FOUND")));
    }

    // ------------------------------------------------------------------------------- helpers

    private GraphQlTester.Response count(HttpGraphQlTester staff, String site, LocalDate date, String counted, String reason) {
        Map<String, Object> input = new HashMap<>(Map.of("siteId", site, "date", date.toString(), "staff", world.staff, "counted", counted,
                "handedOver", counted, "handedOverTo", "街道财务"));
        if (reason != null) {
            input.put("differenceReason", reason);
        }
        return staff.document(COUNT).variable("input", input).execute();
    }

    private String logged(HttpGraphQlTester staff, Map<String, Object> input) {
        GraphQlTester.Response response = staff.document(LOG_MEAL).variable("input", input).execute();
        response.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        return response.path("logMeal.record.id").entity(String.class).get();
    }

    private void balanceIs(String diner, String balance) {
        as("admin").document(ACCOUNT).variable("diner", diner).execute()
                .path("prepaidAccount").entity(Map.class).isEqualTo(Map.of("balance", balance, "ledgerSum", balance, "consistent", true));
    }

    private static Map<String, Object> prepaid(Map<String, Object> meal) {
        meal.put("payment", Map.of("method", "PREPAID"));
        return meal;
    }

    private static Map<String, Object> topUpInput(String diner, String site, String amount, String method, String reference) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", "k-" + System.nanoTime(), "dinerId", diner, "siteId", site, "amount", amount,
                "method", method));
        if (reference != null) {
            input.put("externalReference", reference);
        }
        return input;
    }

    private static Map<String, Object> payment(String kind, String method, String amount, String reference, String takenBy, LocalDate cashDate) {
        Map<String, Object> payment = new HashMap<>(Map.of("kind", kind, "method", method, "amount", amount, "takenBy", takenBy,
                "cashDate", cashDate.toString()));
        payment.put("externalReference", reference);
        return payment;
    }

    private static Map<String, Object> line(String reference, String ours, String theirs, String status) {
        Map<String, Object> line = new HashMap<>(Map.of("reference", reference, "status", status));
        line.put("ours", ours);
        line.put("theirs", theirs);
        return line;
    }
}
