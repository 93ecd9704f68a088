package org.zhucan.settlement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhucan.testsupport.Race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;
import static org.zhucan.testsupport.Responses.errorType;

/**
 * Settlement over HTTP against the real database: statements hold every record once, their sums
 * equal an independent sum of the records, the lifecycle keeps its rules, an approved statement
 * stays frozen, and reconciliation balances.
 */
class SettlementApiTests extends DistrictSettlementTest {

    @Test
    void shouldSettleEveryRecordOnceWithLinesPerSiteSourceAndCategoryAndTheOperatingSubsidy() {
        String plain1 = world.diner(List.of());
        String plain2 = world.diner(List.of());
        String plain3 = world.diner(List.of());
        String poor = world.diner(List.of("MIN_LIVING"));
        List<String> records = new ArrayList<>();
        for (String diner : List.of(plain1, plain2, plain3, poor)) {
            records.add(world.serve(world.siteA, diner, shanghai(today(), 11, 30)));
        }
        // the same diner at the other canteen half an hour later: a second meal at full price, flagged
        String secondMeal = world.serve(world.siteB, plain1, shanghai(today(), 12, 0));
        records.add(secondMeal);

        Map<String, Object> statement = statements.generate(world.financeA, periodStart, periodEnd);
        assertThat(statement).containsEntry("status", "DRAFT").containsEntry("version", 1).containsEntry("recordCount", 5)
                .containsEntry("carriedCount", 0).containsEntry("mealSubsidy", "23.00").containsEntry("operatingSubsidy", "15.00")
                .containsEntry("payable", "38.00").containsEntry("contentHash", null).containsEntry("contentVerified", true);
        assertThat(lines(statement)).containsExactly(
                line("MEAL_SUBSIDY", world.siteA, "CITY", null, 3, "6.00"),
                line("MEAL_SUBSIDY", world.siteA, "CITY", "MIN_LIVING", 1, "3.00"),
                line("MEAL_SUBSIDY", world.siteA, "DISTRICT", null, 3, "9.00"),
                line("MEAL_SUBSIDY", world.siteA, "DISTRICT", "MIN_LIVING", 1, "5.00"),
                line("OPERATING_SUBSIDY", world.siteA, "DISTRICT", null, 4, "12.00"),
                line("OPERATING_SUBSIDY", world.siteB, "DISTRICT", null, 1, "3.00"));
        assertThat(statement.get("totals")).isEqualTo(List.of(Map.of("source", "CITY", "amount", "9.00"),
                Map.of("source", "DISTRICT", "amount", "29.00")));

        // an independent sum, straight from the records and their shares
        assertThat(jdbc.queryForObject("SELECT SUM(subsidy_fen) FROM meal_record WHERE operator_id = ?", Long.class,
                Long.valueOf(world.operatorId))).isEqualTo(2300L);
        Map<String, Long> bySource = new HashMap<>();
        jdbc.query("SELECT sh.source, SUM(sh.amount_fen) FROM meal_record m JOIN meal_record_share sh ON sh.meal_record_id = m.id"
                + " WHERE m.operator_id = ? GROUP BY sh.source", rs -> {
            bySource.put(rs.getString(1), rs.getLong(2));
        }, Long.valueOf(world.operatorId));
        assertThat(bySource).containsEntry("CITY", 900L).containsEntry("DISTRICT", 1400L);
        assertThat(settledIn(records)).hasSize(5).containsOnly(Long.valueOf((String) statement.get("id")));

        // the second meal and the first, both flagged as at two sites within the hour, are listed for review
        String id = (String) statement.get("id");
        assertThat((Integer) statement.get("flaggedCount")).isEqualTo(2);
        as(world.financeA).documentName("settlementFlaggedRecords")
                .variable("id", id).execute()
                .path("settlementStatement.flaggedRecords.totalCount").entity(Integer.class).isEqualTo(2)
                .path("settlementStatement.flaggedRecords.edges[*].node.id").entityList(String.class)
                .contains(secondMeal, records.get(0))
                .path("settlementStatement.flaggedRecords.edges[*].node.flags[*].code").entityList(String.class)
                .containsExactly("TWO_SITES_WITHIN_HOUR", "TWO_SITES_WITHIN_HOUR");

        // generated again by the operator's staff: the same content, a new version
        Map<String, Object> again = statements.generate(world.operatorStaff, periodStart, periodEnd);
        assertThat(again).containsEntry("id", id).containsEntry("version", 2).containsEntry("mealSubsidy", "23.00")
                .containsEntry("operatingSubsidy", "15.00").containsEntry("recordCount", 5);
        assertThat(lines(again)).isEqualTo(lines(statement));
        assertThat(again.get("totals")).isEqualTo(statement.get("totals"));
        assertThat(settledIn(records)).hasSize(5).containsOnly(Long.valueOf(id));
    }

    @Test
    void shouldSubmitApproveOnceAndPayWhileAVoidLandsInTheNextPeriodAndTheApprovedStatementStaysFrozen() throws Exception {
        String plain = world.diner(List.of());
        String poor = world.diner(List.of("MIN_LIVING"));
        String plainMeal = world.serve(world.siteA, plain, shanghai(today(), 11, 30));
        world.serve(world.siteA, poor, shanghai(today(), 11, 40));
        Map<String, Object> draft = statements.generate(world.financeA, periodStart, periodEnd);
        String id = (String) draft.get("id");
        assertThat(transition("submitSettlement", world.operatorStaff, id, 1).path("submitSettlement.userErrors[0].code")
                .entity(String.class).get()).isEqualTo("PERIOD_NOT_ENDED");

        LocalDate nextMonth = periodEnd.plusDays(1);
        stopAt(nextMonth, LocalTime.of(10, 0));
        assertThat(errorType(transition("submitSettlement", world.financeA, id, 1))).isEqualTo("FORBIDDEN");
        assertThat(userError(transition("submitSettlement", world.operatorStaff, id, 7), "submitSettlement")).isEqualTo("CONCURRENT_CHANGE");
        transition("submitSettlement", world.operatorStaff, id, 1)
                .path("submitSettlement.statement.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("submitSettlement.statement.submittedBy").entity(String.class).isEqualTo(world.operatorStaff);
        assertThat(userError(transition("approveSettlement", world.financeA, id, 2), "approveSettlement")).isEqualTo("SEPARATION_OF_DUTIES");
        assertThat(errorType(transition("approveSettlement", world.operatorStaff, id, 2))).isEqualTo("FORBIDDEN");

        // two finance officers approve the same version at once: one wins
        String financeC = world.account("FINANCE", null, world.districtId);
        List<String> outcomes = Race.run(2, i -> {
            GraphQlTester.Response response = transition("approveSettlement", i == 0 ? world.financeB : financeC, id, 2);
            String error = userError(response, "approveSettlement");
            return error != null ? error : response.path("approveSettlement.statement.status").entity(String.class).get();
        });
        assertThat(outcomes).containsExactlyInAnyOrder("APPROVED", "CONCURRENT_CHANGE");
        Map<String, Object> approved = statements.read(world.financeA, id);
        assertThat(approved).containsEntry("status", "APPROVED").containsEntry("version", 3).containsEntry("contentVerified", true);
        assertThat((String) approved.get("contentHash")).hasSize(64);
        assertThat(userError(statements.generateResponse(world.financeA, periodStart, periodEnd), "generateSettlement"))
                .isEqualTo("ILLEGAL_STATUS_TRANSITION");

        // a void after approval: the approved statement is untouched; the reversal is next period's adjustment
        String reversal = world.voidRecord(plainMeal);
        Map<String, Object> afterVoid = statements.read(world.financeA, id);
        assertThat(afterVoid).isEqualTo(approved);
        Map<String, Object> next = statements.generate(world.financeA, nextMonth, nextMonth.with(TemporalAdjusters.lastDayOfMonth()));
        assertThat(next).containsEntry("recordCount", 1).containsEntry("carriedCount", 1).containsEntry("mealSubsidy", "-5.00")
                .containsEntry("operatingSubsidy", "-3.00").containsEntry("payable", "-8.00");
        assertThat(lines(next)).containsExactly(
                line("ADJUSTMENT", world.siteA, "CITY", null, -1, "-2.00"),
                line("ADJUSTMENT", world.siteA, "DISTRICT", null, -1, "-3.00"),
                line("OPERATING_SUBSIDY", world.siteA, "DISTRICT", null, -1, "-3.00"));
        assertThat(settledIn(List.of(reversal))).containsExactly(Long.valueOf((String) next.get("id")));

        // a changed line breaks the hash: no payment until it matches again
        long lineId = jdbc.queryForObject("SELECT MIN(id) FROM settlement_line WHERE statement_id = ?", Long.class, Long.valueOf(id));
        jdbc.update("UPDATE settlement_line SET amount_fen = amount_fen + 1 WHERE id = ?", lineId);
        assertThat(statements.read(world.financeA, id)).containsEntry("contentVerified", false);
        assertThat(userError(markPaid(world.financeB, id, 3, nextMonth), "markSettlementPaid")).isEqualTo("CONTENT_CHANGED");
        jdbc.update("UPDATE settlement_line SET amount_fen = amount_fen - 1 WHERE id = ?", lineId);
        assertThat(userError(markPaid(world.financeB, id, 3, nextMonth.plusDays(1)), "markSettlementPaid")).isEqualTo("INVALID_INPUT");
        markPaid(world.financeB, id, 3, nextMonth)
                .path("markSettlementPaid.statement.status").entity(String.class).isEqualTo("PAID")
                .path("markSettlementPaid.statement.paymentReference").entity(String.class).isEqualTo("GK-2026-0001")
                .path("markSettlementPaid.statement.paidOn").entity(String.class).isEqualTo(nextMonth.toString())
                .path("markSettlementPaid.statement.contentVerified").entity(Boolean.class).isEqualTo(true);

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'SettlementStatement' AND entity_id = ? ORDER BY id",
                String.class, id)).containsExactly("SETTLEMENT_GENERATED", "SETTLEMENT_SUBMITTED", "SETTLEMENT_APPROVED", "SETTLEMENT_PAID");
    }

    @Test
    void shouldRejectWithAReasonAndLetTheStatementBeGeneratedAgain() {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        String id = (String) statements.generate(world.operatorStaff, periodStart, periodEnd).get("id");
        stopAt(periodEnd.plusDays(1), LocalTime.of(10, 0));
        transition("submitSettlement", world.operatorStaff, id, 1).path("submitSettlement.userErrors").entityList(Object.class).hasSize(0);
        assertThat(userError(reject(world.financeA, id, 2, " "), "rejectSettlement")).isEqualTo("INVALID_INPUT");
        reject(world.financeA, id, 2, "缺少留样记录，请补充后重报")
                .path("rejectSettlement.statement.status").entity(String.class).isEqualTo("REJECTED")
                .path("rejectSettlement.statement.rejectionReason").entity(String.class).isEqualTo("缺少留样记录，请补充后重报")
                .path("rejectSettlement.statement.reviewedBy").entity(String.class).isEqualTo(world.financeA);
        assertThat(userError(transition("approveSettlement", world.financeB, id, 3), "approveSettlement")).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        Map<String, Object> regenerated = statements.generate(world.operatorStaff, periodStart, periodEnd);
        assertThat(regenerated).containsEntry("id", id).containsEntry("status", "DRAFT").containsEntry("version", 4)
                .containsEntry("rejectionReason", null).containsEntry("recordCount", 1).containsEntry("mealSubsidy", "5.00");
    }

    @Test
    void shouldLandEachRecordRacedByTwoGenerationsInExactlyOneStatement() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(world.serve(i % 2 == 0 ? world.siteA : world.siteB, world.diner(List.of()), shanghai(today(), 11, 30)));
        }
        LocalDate nextMonth = periodEnd.plusDays(1);
        stopAt(nextMonth, LocalTime.of(10, 0));
        // this month's statement and next month's both want this month's records (next month's as carried adjustments)
        List<String> generated = Race.run(2, i -> {
            GraphQlTester.Response response = i == 0 ? statements.generateResponse(world.financeA, periodStart, periodEnd)
                    : statements.generateResponse(world.financeB, nextMonth, nextMonth.with(TemporalAdjusters.lastDayOfMonth()));
            response.path("generateSettlement.userErrors").entityList(Object.class).hasSize(0);
            return response.path("generateSettlement.statement.id").entity(String.class).get();
        });
        List<Long> holders = settledIn(records);
        assertThat(holders).hasSize(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_record sr JOIN meal_record m ON m.id = sr.meal_record_id"
                + " WHERE m.operator_id = ?", Integer.class, Long.valueOf(world.operatorId))).isEqualTo(6);
        int counted = 0;
        long subsidy = 0;
        for (String id : generated) {
            Map<String, Object> statement = statements.read(world.financeA, id);
            counted += (Integer) statement.get("recordCount");
            subsidy += yuanToFen((String) statement.get("mealSubsidy"));
            assertThat(holders.stream().filter(holder -> holder.equals(Long.valueOf(id))).count()).isEqualTo((long) (int) statement.get("recordCount"));
        }
        assertThat(counted).isEqualTo(6);
        assertThat(subsidy).isEqualTo(3000L);
    }

    @Test
    void shouldLeaveOutOfAMonthsLinesItsRecordsThatALaterStatementCarriedFirst() {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        world.serve(world.siteB, world.diner(List.of()), shanghai(today(), 11, 30));
        LocalDate nextMonth = periodEnd.plusDays(1);
        stopAt(nextMonth, LocalTime.of(10, 0));
        // next month's statement first: it carries this month's records as adjustments
        Map<String, Object> next = statements.generate(world.financeA, nextMonth, nextMonth.with(TemporalAdjusters.lastDayOfMonth()));
        assertThat(next).containsEntry("recordCount", 2).containsEntry("carriedCount", 2).containsEntry("mealSubsidy", "10.00");
        assertThat(lines(next)).extracting(line -> line.get("kind")).containsOnly("ADJUSTMENT", "OPERATING_SUBSIDY");

        // this month's, after: none of its records is left for it, so it has neither records nor lines
        Map<String, Object> statement = statements.generate(world.financeA, periodStart, periodEnd);
        assertThat(statement).containsEntry("recordCount", 0).containsEntry("carriedCount", 0).containsEntry("mealSubsidy", "0.00")
                .containsEntry("operatingSubsidy", "0.00").containsEntry("payable", "0.00");
        assertThat(lines(statement)).isEmpty();
    }

    @Test
    void shouldReconcileBudgetsCommitmentsAndEveryRecordThatDiffers() {
        int year = periodStart.getYear();
        assertThat(userError(setBudget(world.financeA, year, "CITY", "-1.00"), "setFundingBudget")).isEqualTo("INVALID_INPUT");
        assertThat(errorType(setBudget("finance", year, "CITY", "1.00"))).isEqualTo("FORBIDDEN");
        setBudget(world.financeA, year, "CITY", "1000.00").path("setFundingBudget.budget.amount").entity(String.class).isEqualTo("1000.00");
        setBudget(world.financeA, year, "DISTRICT", "2000.00").path("setFundingBudget.userErrors").entityList(Object.class).hasSize(0);
        setBudget(world.financeA, year, "DISTRICT", "1500.00").path("setFundingBudget.budget.amount").entity(String.class).isEqualTo("1500.00");

        String meal1 = world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        world.serve(world.siteA, world.diner(List.of("MIN_LIVING")), shanghai(today(), 11, 35));
        Map<String, Object> before = reconciliation(world.financeA);
        assertThat(before).containsEntry("recordSubsidy", "13.00").containsEntry("statementSubsidy", "0.00")
                .containsEntry("difference", "13.00").containsEntry("balanced", false).containsEntry("differenceCount", 2);
        assertThat(reasons(before)).containsOnly("NOT_SETTLED");

        String id = (String) statements.generate(world.financeA, periodStart, periodEnd).get("id");
        Map<String, Object> settled = reconciliation(world.financeA);
        assertThat(settled).containsEntry("recordSubsidy", "13.00").containsEntry("statementSubsidy", "13.00")
                .containsEntry("difference", "0.00").containsEntry("balanced", true).containsEntry("differenceCount", 0);
        assertThat(source(settled, "CITY")).containsEntry("budget", "1000.00").containsEntry("committed", "0.00")
                .containsEntry("recordSubsidy", "5.00").containsEntry("statementSubsidy", "5.00").containsEntry("difference", "0.00");
        assertThat(source(settled, "DISTRICT")).containsEntry("budget", "1500.00").containsEntry("operatingSubsidy", "6.00")
                .containsEntry("recordSubsidy", "8.00").containsEntry("statementSubsidy", "8.00");

        LocalDate nextMonth = periodEnd.plusDays(1);
        stopAt(nextMonth, LocalTime.of(10, 0));
        transition("submitSettlement", world.operatorStaff, id, 1).path("submitSettlement.userErrors").entityList(Object.class).hasSize(0);
        transition("approveSettlement", world.financeB, id, 2).path("approveSettlement.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> approved = reconciliation(world.financeA);
        // committed: meal subsidies and the operating subsidy of the approved statement
        assertThat(source(approved, "CITY")).containsEntry("committed", "5.00").containsEntry("paid", "0.00").containsEntry("remaining", "995.00");
        assertThat(source(approved, "DISTRICT")).containsEntry("committed", "14.00").containsEntry("remaining", "1486.00");
        assertThat(source(approved, "LOTTERY_FUND")).containsEntry("budget", null).containsEntry("remaining", null);
        markPaid(world.financeB, id, 3, nextMonth).path("markSettlementPaid.userErrors").entityList(Object.class).hasSize(0);
        assertThat(source(reconciliation(world.financeA), "DISTRICT")).containsEntry("paid", "14.00");

        // a void dated in the period: not settled, then settled by next month's statement
        String reversal = world.voidRecord(meal1);
        Map<String, Object> voided = reconciliation(world.financeA);
        assertThat(voided).containsEntry("recordSubsidy", "8.00").containsEntry("statementSubsidy", "13.00")
                .containsEntry("difference", "-5.00").containsEntry("balanced", false).containsEntry("differenceCount", 1);
        assertThat(differences(voided)).containsExactly(Map.of("record", Map.of("id", reversal), "reason", "NOT_SETTLED", "subsidy", "-5.00"));
        statements.generate(world.financeA, nextMonth, nextMonth.with(TemporalAdjusters.lastDayOfMonth()));
        assertThat(reasons(reconciliation(world.financeA))).containsExactly("SETTLED_IN_ANOTHER_PERIOD");

        as("inspector").documentName("settlementReconciliation").variable("districtId", world.districtId)
                .variable("periodStart", periodStart.toString()).variable("periodEnd", periodEnd.toString()).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void shouldRefuseBadPeriodsAndOverlapsAndKeepStatementsInScope() {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        assertThat(userError(statements.generateResponse(world.financeA, periodStart.plusDays(1), periodEnd), "generateSettlement")).isEqualTo("INVALID_PERIOD");
        LocalDate future = periodEnd.plusDays(1);
        assertThat(userError(statements.generateResponse(world.financeA, future, future.with(TemporalAdjusters.lastDayOfMonth())), "generateSettlement"))
                .isEqualTo("INVALID_PERIOD");
        assertThat(errorType(statements.generateResponse("operator", periodStart, periodEnd))).isEqualTo("FORBIDDEN");
        assertThat(errorType(statements.generateResponse("finance", periodStart, periodEnd))).isEqualTo("FORBIDDEN");
        String id = (String) statements.generate(world.financeA, periodStart, periodEnd).get("id");
        LocalDate quarterStart = periodStart.withMonth((periodStart.getMonthValue() - 1) / 3 * 3 + 1);
        assertThat(userError(statements.generateResponse(world.financeA, quarterStart, quarterStart.plusMonths(2).with(TemporalAdjusters.lastDayOfMonth())),
                "generateSettlement")).isEqualTo("PERIOD_OVERLAPS");

        header(world.operatorStaff, id).path("settlementStatement.id").entity(String.class).isEqualTo(id);
        header("operator", id).path("settlementStatement").valueIsNull();
        header("finance", id).path("settlementStatement").valueIsNull();
        header("admin", id).path("settlementStatement.id").entity(String.class).isEqualTo(id);
        header("inspector", id)
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        Map<String, Object> filter = Map.of("districtId", world.districtId);
        as(world.financeA).documentName("settlementStatementPage").variable("filter", filter).execute()
                .path("settlementStatements.totalCount").entity(Integer.class).isEqualTo(1);
        as("operator").documentName("settlementStatementPage").variable("filter", filter).execute()
                .path("settlementStatements.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldListStatementsWithTheSameNumberOfStatementsForOneOrFour() {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        world.serve(world.siteB, world.diner(List.of("MIN_LIVING")), shanghai(today(), 11, 30));
        for (int monthsBack = 3; monthsBack >= 1; monthsBack--) {
            LocalDate start = periodStart.minusMonths(monthsBack);
            statements.generate(world.financeA, start, start.with(TemporalAdjusters.lastDayOfMonth()));
        }
        statements.generate(world.financeA, periodStart, periodEnd);
        Map<String, Object> filter = Map.of("operatorId", world.operatorId);
        long one = statementsDuring(() -> as(world.financeA).documentName("settlementStatementPage").variable("first", 1).variable("filter", filter).execute()
                .path("settlementStatements.edges").entityList(Object.class).hasSize(1));
        long four = statementsDuring(() -> as(world.financeA).documentName("settlementStatementPage").variable("first", 4).variable("filter", filter).execute()
                .path("settlementStatements.edges").entityList(Object.class).hasSize(4)
                .path("settlementStatements.edges[0].node.lines").entityList(Object.class).hasSize(6));
        assertThat(four).isEqualTo(one);
    }

    // ------------------------------------------------------------ helpers

    private GraphQlTester.Response header(String user, String id) {
        return as(user).documentName("settlementStatementParts").variable("id", id).variable("withParts", false).execute();
    }

    private GraphQlTester.Response transition(String mutation, String user, String id, int version) {
        return statements.operation(user, mutation)
                .variable("input", Map.of("statementId", id, "version", version)).execute();
    }

    private GraphQlTester.Response reject(String user, String id, int version, String reason) {
        return statements.operation(user, "rejectSettlement")
                .variable("input", Map.of("statementId", id, "version", version, "reason", reason)).execute();
    }

    private GraphQlTester.Response markPaid(String user, String id, int version, LocalDate paidOn) {
        return statements.operation(user, "markSettlementPaid")
                .variable("input", Map.of("statementId", id, "version", version, "paymentReference", "GK-2026-0001", "paidOn", paidOn.toString()))
                .execute();
    }

    private GraphQlTester.Response setBudget(String user, int year, String source, String amount) {
        return as(user).documentName("settlementSetFundingBudget")
                .variable("input", Map.of("districtId", world.districtId, "year", year, "source", source, "amount", amount)).execute();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reconciliation(String user) {
        return as(user).documentName("settlementReconciliation").variable("districtId", world.districtId)
                .variable("periodStart", periodStart.toString()).variable("periodEnd", periodEnd.toString()).execute()
                .path("reconciliation").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> reconciliation, String source) {
        return ((List<Map<String, Object>>) reconciliation.get("sources")).stream().filter(row -> source.equals(row.get("source"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> differences(Map<String, Object> reconciliation) {
        return (List<Map<String, Object>>) reconciliation.get("differences");
    }

    private static List<Object> reasons(Map<String, Object> reconciliation) {
        return differences(reconciliation).stream().map(row -> row.get("reason")).toList();
    }

    private static String userError(GraphQlTester.Response response, String mutation) {
        List<Object> errors = response.path(mutation + ".userErrors[*].code").entityList(Object.class).get();
        return errors.isEmpty() ? null : (String) errors.get(0);
    }

    /** The statements holding each record, as settlement_record says. */
    private List<Long> settledIn(List<String> recordIds) {
        List<Long> holders = new ArrayList<>();
        for (String record : recordIds) {
            holders.addAll(jdbc.queryForList("SELECT statement_id FROM settlement_record WHERE meal_record_id = ?", Long.class, Long.valueOf(record)));
        }
        return holders;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> statement) {
        return (List<Map<String, Object>>) statement.get("lines");
    }

    private static Map<String, Object> line(String kind, String site, String source, String category, int quantity, String amount) {
        Map<String, Object> line = new HashMap<>();
        line.put("kind", kind);
        line.put("site", Map.of("id", site));
        line.put("source", source);
        line.put("dinerCategory", category);
        line.put("quantity", quantity);
        line.put("amount", amount);
        return line;
    }

    private static long yuanToFen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
