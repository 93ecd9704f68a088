package org.zhucan.settlement;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhucan.network.NetworkFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;

/**
 * A statement generated again keeps its claims and brings them up to date (StatementClaims), and no generation pays a
 * record it did not claim, also when the record is committed while the statement is being generated.
 */
class SettlementRegenerationTests extends DistrictSettlementTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    MealLinesAside linesAside;

    @Test
    void shouldKeepTheClaimsOfAStatementGeneratedAgainReleaseThoseOfASiteThatLeftTheDistrictAndClaimNewRecords() {
        List<String> atA = List.of(world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30)),
                world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 40)));
        String atB = world.serve(world.siteB, world.diner(List.of()), shanghai(today(), 11, 50));
        Map<String, Object> first = statements.generate(world.financeA, periodStart, periodEnd);
        assertThat(first).containsEntry("recordCount", 3).containsEntry("mealSubsidy", "15.00");
        long id = Long.parseLong((String) first.get("id"));

        // since: a new meal at A, and site B moved to a village of another district
        String later = world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 12, 0));
        NetworkFixtures.District elsewhere = new NetworkFixtures(as("admin"), jdbc).district("结算迁出");
        as("admin").documentName("assignOperatorContract").variable("input", Map.of("operatorId", world.operatorId, "districtId",
                elsewhere.districtId(), "communityIds", List.of(elsewhere.villageId()), "validFrom", "2024-01-01"))
                .execute().path("assignOperatorContract.contract.id").hasValue();
        as("admin").documentName("updateSite").variable("input", Map.of("siteId", world.siteB, "communityId", elsewhere.villageId()))
                .execute().path("updateSite.userErrors").entityList(Object.class).hasSize(0);

        Map<String, Object> again = statements.generate(world.financeA, periodStart, periodEnd);
        SettlementConsistencyTests.assertOneGeneration(again);
        assertThat(again).containsEntry("id", String.valueOf(id)).containsEntry("recordCount", 3).containsEntry("mealSubsidy", "15.00")
                .containsEntry("flaggedCount", 0);
        assertThat(claimedBy(id)).containsExactlyInAnyOrder(Long.valueOf(atA.get(0)), Long.valueOf(atA.get(1)), Long.valueOf(later));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_record WHERE meal_record_id = ?", Integer.class, Long.valueOf(atB)))
                .as("B's record is free for its new district's statement").isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) again.get("lines");
        assertThat(lines).extracting(line -> (Object) ((Map<?, ?>) line.get("site")).get("id")).containsOnly(world.siteA);
    }

    @Test
    void shouldNotPayANewStatementsLinesForARecordCommittedAfterItsClaim() throws Exception {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        assertPaysOnlyWhatItClaims(null);
    }

    @Test
    void shouldNotPayARegeneratedStatementsLinesForARecordCommittedAfterItsClaim() throws Exception {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        String id = (String) statements.generate(world.financeA, periodStart, periodEnd).get("id");
        assertPaysOnlyWhatItClaims(id);
    }

    /**
     * A whole statement's meal lines are read on another connection while the claim is written (MealLinesAside). Here the claim
     * is held (a read lock on settlement_record) until that read has ended, and a meal is logged in between: the read saw one
     * record, the claim takes two, and the lines must pay both, read again by the generation itself.
     */
    @Test
    void shouldNotWriteTheMealLinesReadAsideWhenTheClaimTookARecordTheyDidNotSee() throws Exception {
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        long readsBefore = linesAside.readsEnded();
        CompletableFuture<Map<String, Object>> generation;
        try (Connection lock = dataSource.getConnection(); Statement sql = lock.createStatement()) {
            sql.execute("LOCK TABLES settlement_record READ");
            try {
                generation = CompletableFuture.supplyAsync(() -> statements.generate(world.financeA, periodStart, periodEnd));
                awaitWaitingOn(generation, "settlement_record");
                await("the meal lines read aside").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                        .until(() -> linesAside.readsEnded() > readsBefore);
                world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 45));
            } finally {
                sql.execute("UNLOCK TABLES");
            }
        }
        Map<String, Object> statement = generation.get(5, TimeUnit.MINUTES);
        SettlementConsistencyTests.assertOneGeneration(statement);
        assertThat(statement).containsEntry("recordCount", 2).containsEntry("mealSubsidy", "10.00");
    }

    /**
     * Holds the statement's generation at its first write of lines (a read lock on settlement_line), which comes after its
     * claims, logs a meal of the period meanwhile, and lets it go on: the statement pays the one record it claimed, and next
     * month's statement carries the other, so each is paid once.
     */
    private void assertPaysOnlyWhatItClaims(String existing) throws Exception {
        CompletableFuture<Map<String, Object>> generation;
        try (Connection lock = dataSource.getConnection(); Statement sql = lock.createStatement()) {
            sql.execute("LOCK TABLES settlement_line READ");
            try {
                generation = CompletableFuture.supplyAsync(() -> statements.generate(world.financeA, periodStart, periodEnd));
                awaitWaitingOn(generation, "settlement_line");
                world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 45));
            } finally {
                sql.execute("UNLOCK TABLES");
            }
        }
        Map<String, Object> statement = generation.get(5, TimeUnit.MINUTES);
        SettlementConsistencyTests.assertOneGeneration(statement);
        if (existing != null) {
            assertThat(statement).containsEntry("id", existing);
        }
        assertThat(statement).containsEntry("recordCount", 1).containsEntry("mealSubsidy", "5.00");

        LocalDate nextMonth = periodEnd.plusDays(1);
        stopAt(nextMonth, LocalTime.of(10, 0));
        Map<String, Object> next = statements.generate(world.financeA, nextMonth, nextMonth.with(TemporalAdjusters.lastDayOfMonth()));
        assertThat(next).containsEntry("recordCount", 1).containsEntry("carriedCount", 1).containsEntry("mealSubsidy", "5.00");
    }

    /** Until the generation's statement on the table waits for it (failing if the generation ends first). */
    private void awaitWaitingOn(CompletableFuture<?> generation, String table) {
        await("the generation waiting for " + table).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertThat(generation).as("the generation waits for " + table).isNotDone();
            return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE ?"
                    + " AND info NOT LIKE '%processlist%' AND state LIKE 'Waiting for table%'", Integer.class, "%" + table + "%") > 0;
        });
    }

    private List<Long> claimedBy(long statementId) {
        return jdbc.queryForList("SELECT meal_record_id FROM settlement_record WHERE statement_id = ?", Long.class, statementId);
    }
}
