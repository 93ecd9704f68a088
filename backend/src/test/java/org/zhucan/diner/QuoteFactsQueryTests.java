package org.zhucan.diner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diner's facts on a date in one statement agree with the same facts gathered table by table:
 * for every diner the database holds (the demo roster and what other tests made) and a few made
 * here with histories that turn on the dates asked (categories ending and superseded, assessments
 * on one day, a suspension, a status change dated later), on dates before, inside and after them;
 * and so does one diner read alone (the counter's statement of its own).
 */
class QuoteFactsQueryTests extends ApiTest {

    @Autowired
    DinerService diners;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldReadTheSameFactsInOneStatementAsTableByTable() {
        logInDemoAccounts();
        DinerFixtures fixtures = new DinerFixtures(as("admin"), jdbc);
        String community = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(Long.valueOf(fixtures.registerActiveSince2020("事实老人" + i, community, LocalDate.of(1935 + i * 5, 3, 1 + i),
                    i % 2 == 0 ? List.of("MIN_LIVING", "LIVING_ALONE") : List.of("DISABLED"), null)));
        }
        long first = made.get(0);
        category(first, "ENTITLED", "2021-01-01", "2023-06-30", null);
        category(first, "LOW_INCOME_EDGE", "2021-01-01", null, "2022-01-01 00:00:00");
        category(made.get(1), "DISABLED", "2024-01-01", "2024-12-31", null);
        assessment(first, 2, "2022-05-01");
        assessment(first, 3, "2022-05-01");
        assessment(first, 1, "2025-02-01");
        assessment(made.get(2), 4, "2021-07-15");
        status(made.get(1), "ACTIVE", "SUSPENDED", "2023-03-01");
        status(made.get(1), "SUSPENDED", "ACTIVE", "2023-09-01");
        status(made.get(3), "ACTIVE", "MOVED_AWAY", "2030-01-01");

        List<Long> everyone = jdbc.queryForList("SELECT id FROM diner ORDER BY id", Long.class);
        assertThat(everyone).containsAll(made);
        long operator = jdbc.queryForObject("SELECT MIN(id) FROM operator", Long.class);
        int compared = 0;
        for (String day : List.of("2019-12-31", "2020-01-01", "2021-06-30", "2022-05-01", "2023-06-30", "2023-07-01", "2024-06-01",
                "2025-02-01", "2029-12-31", "2030-01-01")) {
            LocalDate date = LocalDate.parse(day);
            for (CallerScope scope : List.of(CallerScope.ALL, CallerScope.ofOperator(operator), CallerScope.ofDiners(made.subList(0, 2)))) {
                Map<Long, QuoteFacts> inOne = diners.quoteFactsIn(everyone, date, scope);
                Map<Long, QuoteFacts> byParts = diners.quoteFactsByParts(everyone, date, scope);
                assertThat(inOne.keySet()).as("%s, %s", day, scope).isEqualTo(byParts.keySet());
                byParts.forEach((diner, facts) -> assertThat(inOne.get(diner)).as("diner %s on %s, %s", diner, day, scope).isEqualTo(facts));
                compared += inOne.size();
            }
            assertThat(diners.quoteFactsIn(made, date, CallerScope.ALL)).hasSize(made.size());
            // one diner in every caller's reach (the counter's read) goes by a statement of its own
            Map<Long, QuoteFacts> everyonesByParts = diners.quoteFactsByParts(everyone, date, CallerScope.ALL);
            List<Long> alone = new ArrayList<>(made);
            alone.addAll(everyone.subList(0, Math.min(40, everyone.size())));
            for (long diner : alone) {
                assertThat(diners.quoteFactsIn(List.of(diner), date, CallerScope.ALL)).as("diner %s alone on %s", diner, day)
                        .isEqualTo(everyonesByParts.containsKey(diner) ? Map.of(diner, everyonesByParts.get(diner)) : Map.of());
            }
            assertThat(diners.quoteFactsIn(List.of(-1L), date, CallerScope.ALL)).isEmpty();
            // many at once (a counter's batch, an upload): an unknown id among them is absent, an id named twice read once
            assertThat(diners.quoteFactsIn(List.of(-1L, first, first, made.get(2)), date, CallerScope.ALL))
                    .isEqualTo(Map.of(first, everyonesByParts.get(first), made.get(2), everyonesByParts.get(made.get(2))));
        }
        assertThat(compared).isGreaterThan(everyone.size());
        QuoteFacts suspended = diners.quoteFactsIn(List.of(made.get(1)), LocalDate.parse("2023-06-30"), CallerScope.ALL).get(made.get(1));
        assertThat(suspended.status()).isEqualTo(DinerStatus.SUSPENDED);
        QuoteFacts assessed = diners.quoteFactsIn(List.of(first), LocalDate.parse("2023-01-01"), CallerScope.ALL).get(first);
        assertThat(assessed.latestAssessment().level()).isEqualTo(3);
        assertThat(assessed.categories()).containsExactlyInAnyOrder(DinerCategory.MIN_LIVING, DinerCategory.LIVING_ALONE, DinerCategory.ENTITLED);
    }

    private void category(long diner, String category, String from, String to, String supersededAt) {
        jdbc.update("""
                INSERT INTO diner_category (diner_id, category, evidence_ref, valid_from, valid_to, source, recorded_by, recorded_at, superseded_at)
                VALUES (?, ?, '证明', ?, ?, 'REGISTRY', 'test', UTC_TIMESTAMP(6), ?)""", diner, category, from, to, supersededAt);
    }

    private void assessment(long diner, int level, String on) {
        jdbc.update("""
                INSERT INTO ability_assessment (diner_id, level, assessed_on, assessor, recorded_by, recorded_at)
                VALUES (?, ?, ?, '评估员', 'test', UTC_TIMESTAMP(6))""", diner, level, on);
    }

    private void status(long diner, String from, String to, String on) {
        jdbc.update("""
                INSERT INTO diner_status_change (diner_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, 'test', 'test', UTC_TIMESTAMP(6))""", diner, from, to, on);
    }
}
