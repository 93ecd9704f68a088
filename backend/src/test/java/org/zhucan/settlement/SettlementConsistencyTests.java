package org.zhucan.settlement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.settlement.SettlementStatements.mapType;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;

/**
 * One response, one generation: a DRAFT is generated again and again while meals are logged or
 * voided underneath, and meanwhile other clients read it over HTTP (the statement, a page of
 * statements, generateSettlement's own payload, the CSV export, the reconciliation that lists it).
 * Every answer must add up within itself: the lines to the header's amounts, the totals to the
 * lines by source, the flagged records to the header's count.
 */
class SettlementConsistencyTests extends DistrictSettlementTest {

    /** How many times the records change (and the statement is generated again) while clients read. */
    private static final int CHANGES = 16;
    private static final int READERS = 3;

    @Override
    String statementDocument() {
        return "settlementGenerations";
    }

    @Test
    void shouldReadTheHeaderTotalsLinesAndFlaggedRecordsOfOneGenerationWhileTheDraftIsGeneratedAgain() throws Exception {
        List<String> diners = diners();
        statements.generate(world.financeA, periodStart.minusMonths(1), periodStart.minusDays(1));
        String id = (String) statements.generate(world.financeA, periodStart, periodEnd).get("id");
        // a page asks through a fragment, and for the flagged records' default page: both read with the headers too
        int reads = whileChanging(change -> {
            change(diners, change);
            statements.generate(world.operatorStaff, periodStart, periodEnd);
        }, reader -> {
            if (reader == 0) {
                List<Map<String, Object>> nodes = statements.operation(world.financeA, "settlementStatements").variable("filter", Map.of("operatorId", world.operatorId))
                        .execute().path("settlementStatements.edges[*].node").entityList(mapType()).hasSize(2).get();
                nodes.forEach(SettlementConsistencyTests::assertOneGeneration);
            } else {
                assertOneGeneration(statements.read(world.financeA, id));
            }
        });
        assertThat(reads).isGreaterThan(CHANGES);
        assertThat(statements.read(world.financeA, id)).containsEntry("flaggedCount", CHANGES).containsEntry("version", CHANGES + 1);
    }

    @Test
    void shouldAnswerGenerateSettlementWithWhatItStoredAlsoWhileOtherGenerationsFollow() throws Exception {
        List<String> diners = diners();
        statements.generate(world.financeA, periodStart, periodEnd);
        int generations = whileChanging(change -> change(diners, change),
                generator -> assertOneGeneration(statements.generate(generator % 2 == 0 ? world.financeA : world.operatorStaff, periodStart, periodEnd)));
        assertThat(generations).isGreaterThan(READERS);

        // when nothing follows, reading the statement again gives exactly the payload
        Map<String, Object> payload = statements.generate(world.financeB, periodStart, periodEnd);
        assertOneGeneration(payload);
        assertThat(statements.read(world.financeA, (String) payload.get("id"))).isEqualTo(payload);
        assertThat(payload).containsEntry("flaggedCount", CHANGES).containsEntry("generatedBy", world.financeB);
    }

    @Test
    void shouldExportOneGenerationWhileTheDraftIsGeneratedAgain() throws Exception {
        List<String> diners = diners();
        String id = (String) statements.generate(world.financeA, periodStart, periodEnd).get("id");
        String token = login(world.financeA, DEMO_PASSWORD);
        int exports = whileChanging(change -> {
            change(diners, change);
            statements.generate(world.operatorStaff, periodStart, periodEnd);
        }, reader -> assertCsvAddsUp(new String(http().get().uri("/exports/settlements/" + id + ".csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8)));
        assertThat(exports).isGreaterThan(CHANGES);
    }

    @Test
    void shouldReconcileAgainstTheStatementsAsTheyStoodWhenTheSumsWereMade() throws Exception {
        List<String> records = new ArrayList<>();
        List<String> diners = new ArrayList<>(diners());
        diners.addAll(diners());
        for (String diner : diners) {
            records.add(world.serve(world.siteA, diner, shanghai(today(), 11, 30)));
        }
        // next month's statement carries this month's records: they differ as SETTLED_IN_ANOTHER_PERIOD
        LocalDate nextMonth = periodEnd.plusDays(1);
        LocalDate nextEnd = nextMonth.with(TemporalAdjusters.lastDayOfMonth());
        stopAt(nextMonth, LocalTime.of(10, 0));
        statements.generate(world.financeA, nextMonth, nextEnd);
        int reads = whileChanging(change -> {
            world.voidRecord(records.get(change % records.size()));
            statements.generate(world.operatorStaff, nextMonth, nextEnd);
        }, reader -> {
            Map<String, Object> reconciliation = as(world.financeA).documentName("settlementReconciliationStatements").variable("districtId", world.districtId)
                    .variable("periodStart", periodStart.toString()).variable("periodEnd", periodEnd.toString()).execute()
                    .path("reconciliation").entity(mapType()).get();
            List<Map<String, Object>> differences = list(reconciliation, "differences");
            assertThat(differences).hasSize((Integer) reconciliation.get("differenceCount"));
            long settledElsewhere = 0;
            Map<String, Object> carrying = null;
            for (Map<String, Object> difference : differences) {
                if ("SETTLED_IN_ANOTHER_PERIOD".equals(difference.get("reason"))) {
                    settledElsewhere += fen(difference.get("subsidy"));
                    carrying = map(difference, "statement");
                    assertOneGeneration(carrying);
                }
            }
            // the statement that carries the month's records holds exactly those listed as settled there, no more, no fewer
            assertThat(carrying).isNotNull();
            assertThat(fen(carrying.get("mealSubsidy"))).as("the carrying statement as listed by the reconciliation").isEqualTo(settledElsewhere);
            assertThat(carrying.get("carriedCount")).isEqualTo((int) differences.stream()
                    .filter(difference -> "SETTLED_IN_ANOTHER_PERIOD".equals(difference.get("reason"))).count());
        });
        assertThat(reads).isGreaterThan(CHANGES);
    }

    @Test
    void shouldListTheFlaggedRecordsOfTheGenerationAsItsFlaggedCountDoes() {
        String diner = world.diner(List.of());
        String first = world.serve(world.siteA, diner, shanghai(today(), 11, 30));
        String second = world.serve(world.siteB, diner, shanghai(today(), 12, 0));
        String alone = world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 45));
        Map<String, Object> generated = statements.generate(world.financeA, periodStart, periodEnd);
        // two sites within the hour: both records carry the flag
        assertThat(generated).containsEntry("flaggedCount", 2);
        assertThat(flaggedIds(generated)).containsExactly(first, second);

        // a flag raised later on a record the statement already holds (e.g. the diner's death entered late)
        jdbc.update("INSERT INTO meal_record_flag (meal_record_id, code, detail, related_record_id, created_at)"
                + " VALUES (?, 'DINER_NOT_ACTIVE', 'raised late', NULL, UTC_TIMESTAMP(6))", Long.valueOf(alone));
        Map<String, Object> read = statements.read(world.financeA, (String) generated.get("id"));
        assertOneGeneration(read);
        assertThat(read).isEqualTo(generated);

        // the next generation takes it in
        Map<String, Object> again = statements.generate(world.financeA, periodStart, periodEnd);
        assertOneGeneration(again);
        assertThat(again).containsEntry("flaggedCount", 3);
        assertThat(flaggedIds(again)).containsExactly(first, second, alone);
    }

    @Test
    void shouldReadNoLinesForAStatementAskedWithoutThem() {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        String id = (String) statements.generate(world.financeA, periodStart, periodEnd).get("id");
        long headerOnly = statementsDuring(() -> as(world.financeA).documentName("settlementStatementParts").variable("id", id).variable("withParts", false).execute()
                .path("settlementStatement.id").entity(String.class).isEqualTo(id));
        long withLines = statementsDuring(() -> as(world.financeA).documentName("settlementStatementParts").variable("id", id).variable("withParts", true).execute()
                .path("settlementStatement.lines").entityList(Object.class).hasSize(3));
        assertThat(withLines).isEqualTo(headerOnly + 2);
    }

    // ------------------------------------------------------------ what a response must satisfy

    /** Fails unless the lines add up to the header's amounts, the totals are the lines per source and the flagged records are counted. */
    static void assertOneGeneration(Map<String, Object> statement) {
        long meal = 0;
        long operating = 0;
        long payable = 0;
        Map<String, Long> bySource = new TreeMap<>();
        for (Map<String, Object> line : list(statement, "lines")) {
            long amount = fen(line.get("amount"));
            if ("OPERATING_SUBSIDY".equals(line.get("kind"))) {
                operating += amount;
            } else {
                meal += amount;
            }
            if (!"OPERATOR_DISCOUNT".equals(line.get("source"))) {
                payable += amount;
            }
            bySource.merge((String) line.get("source"), amount, Long::sum);
        }
        Map<String, Long> totals = new TreeMap<>();
        list(statement, "totals").forEach(total -> totals.put((String) total.get("source"), fen(total.get("amount"))));
        String which = "statement " + statement.get("id") + " version " + statement.get("version");
        assertThat(fen(statement.get("mealSubsidy"))).as("mealSubsidy of " + which + " against its lines").isEqualTo(meal);
        assertThat(fen(statement.get("operatingSubsidy"))).as("operatingSubsidy of " + which + " against its lines").isEqualTo(operating);
        assertThat(fen(statement.get("payable"))).as("payable of " + which + " against its lines").isEqualTo(payable);
        assertThat(totals).as("totals of " + which + " against its lines").isEqualTo(bySource);
        if (statement.containsKey("flaggedRecords")) {
            Map<String, Object> flagged = map(statement, "flaggedRecords");
            assertThat(list(flagged, "edges")).as("flagged records of " + which).hasSize((Integer) statement.get("flaggedCount"));
        }
    }

    /** The CSV's lines against its header figures and its totals per source, all in yuan as written. */
    private static void assertCsvAddsUp(String csv) {
        List<String> rows = List.of(csv.split("\r\n"));
        int header = rows.indexOf(String.join(",", SettlementSheet.LINE_HEADERS));
        long meal = 0;
        long operating = 0;
        Map<String, Long> bySource = new TreeMap<>();
        int r = header + 1;
        for (; !rows.get(r).isEmpty(); r++) {
            String[] cells = rows.get(r).split(",");
            long amount = fen(cells[5]);
            if ("运营补贴".equals(cells[0])) {
                operating += amount;
            } else {
                meal += amount;
            }
            bySource.merge(cells[2], amount, Long::sum);
        }
        assertThat(rows.get(r + 1)).isEqualTo("按资金来源合计,金额（元）");
        Map<String, Long> totals = new TreeMap<>();
        for (r += 2; !rows.get(r).isEmpty(); r++) {
            String[] cells = rows.get(r).split(",");
            totals.put(cells[0], fen(cells[1]));
        }
        assertThat(totals).as("the export's totals against its lines").isEqualTo(bySource);
        assertThat(fen(valueOf(rows, "餐费补贴合计（含调整）"))).as("the export's meal subsidy against its lines").isEqualTo(meal);
        assertThat(fen(valueOf(rows, "运营补贴合计"))).as("the export's operating subsidy against its lines").isEqualTo(operating);
    }

    private static String valueOf(List<String> rows, String label) {
        return rows.stream().filter(row -> row.startsWith(label + ",")).findFirst().orElseThrow().substring(label.length() + 1);
    }

    // ------------------------------------------------------------ the race

    /**
     * Runs the changes one after another on one thread while {@link #READERS} clients read over
     * and over until the changes are done; returns how many reads there were. The first failure of
     * any thread fails the test.
     */
    private int whileChanging(IntConsumer change, IntConsumer read) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(pool.submit(() -> {
                try {
                    for (int i = 0; i < CHANGES; i++) {
                        change.accept(i);
                    }
                } finally {
                    done.set(true);
                }
            }));
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                running.add(pool.submit(() -> {
                    while (!done.get()) {
                        read.accept(reader);
                        reads.incrementAndGet();
                    }
                }));
            }
            for (Future<?> each : running) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failure) {
                        throw failure;
                    }
                    throw e;
                }
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        return reads.get();
    }

    /** Diners registered beforehand, so that each change is one call. */
    private List<String> diners() {
        List<String> diners = new ArrayList<>();
        for (int i = 0; i < CHANGES / 2; i++) {
            diners.add(world.diner(List.of()));
        }
        return diners;
    }

    /** Even changes: a diner's subsidised lunch at canteen A; odd ones: the same diner's second lunch at canteen B, unsubsidised, flagging both. */
    private void change(List<String> diners, int change) {
        String diner = diners.get(change / 2);
        if (change % 2 == 0) {
            world.serve(world.siteA, diner, shanghai(today(), 11, 30));
        } else {
            world.serve(world.siteB, diner, shanghai(today(), 12, 0));
        }
    }

    // ------------------------------------------------------------ helpers

    private static List<Object> flaggedIds(Map<String, Object> statement) {
        return list(map(statement, "flaggedRecords"), "edges").stream().map(edge -> map(edge, "node").get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String field) {
        return (Map<String, Object>) parent.get(field);
    }

    private static long fen(Object yuan) {
        return new BigDecimal((String) yuan).movePointRight(2).longValueExact();
    }
}
