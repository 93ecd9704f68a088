package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;

/** Counters racing over HTTP against the real database: one subsidy per diner and slot, and offline batches counted once. */
class ServingConcurrencyTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    String fish;
    String siteA;
    String siteB;
    LocalDate today;
    Instant servedAt;

    @BeforeEach
    void fixtures() {
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        fish = fixtures.dish("红烧鱼", "12.00");
        siteA = fixtures.canteen(50, LocalTime.of(9, 30));
        siteB = fixtures.canteen(50, LocalTime.of(9, 30));
        servedAt = Instant.now().minus(1, ChronoUnit.MINUTES);
        today = BusinessTime.dateOf(servedAt);
        fixtures.publishLunch(siteA, today, List.of(fish), java.util.Collections.singletonList(null));
        fixtures.publishLunch(siteB, today, List.of(fish), java.util.Collections.singletonList(null));
    }

    @Test
    void shouldSubsidiseExactlyOneMealWhenTwoSitesServeTheSameDinerAtOnce() throws Exception {
        List<String> diners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            diners.add(fixtures.diner());
        }
        HttpGraphQlTester operator = as("operator");
        // 40 counters at once: every diner at both sites in the same slot
        List<String> outcomes = Race.run(40, i -> {
            var response = operator.documentName("logMeal").variable("input", walkIn(i % 2 == 0 ? siteA : siteB, diners.get(i / 2))).execute();
            response.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
            return response.path("logMeal.record.subsidy").entity(String.class).get() + "/"
                    + response.path("logMeal.record.secondMeal").entity(Boolean.class).get();
        });
        assertThat(outcomes).hasSize(40);
        for (String diner : diners) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT site_id, subsidy_fen, second_meal FROM meal_record WHERE diner_id = ? AND service_date = ? AND slot = 'LUNCH'",
                    Long.valueOf(diner), java.sql.Date.valueOf(today));
            assertThat(rows).hasSize(2);
            assertThat(rows.stream().filter(row -> ((Number) row.get("subsidy_fen")).longValue() > 0).count())
                    .as("subsidised meals of diner %s", diner).isEqualTo(1);
            assertThat(rows.stream().filter(row -> ((Number) row.get("subsidy_fen")).longValue() == 0 && isTrue(row.get("second_meal"))).count())
                    .as("second meals of diner %s", diner).isEqualTo(1);
            assertThat(rows.stream().map(row -> row.get("site_id").toString()).distinct().count()).isEqualTo(2);
        }
        assertThat(outcomes.stream().filter(outcome -> outcome.endsWith("/true")).count()).isEqualTo(20);
    }

    @Test
    void shouldRecordAnOfflineBatchOnceWhenItIsReplayedConcurrently() throws Exception {
        List<String> diners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            diners.add(fixtures.diner());
        }
        String prefix = "replay-" + System.nanoTime() + "-";
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> record = new HashMap<>(Map.of("clientRecordId", prefix + i, "slot", "LUNCH",
                    "servedAt", servedAt.minusSeconds(i).toString(), "dinerId", diners.get(i % diners.size()),
                    "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "离线补录"), "items", List.of(dishItem(fish, 1))));
            records.add(record);
        }
        // four devices replaying sixty records each, one after another at the unique keys
        HttpGraphQlTester operator = as("operator");
        List<String> outcomes = Race.run(4, i -> {
            var response = operator.documentName("uploadMealRecords").variable("input", Map.of("siteId", siteA, "records", records)).execute();
            return response.path("uploadMealRecords.acceptedCount").entity(Integer.class).get() + "/"
                    + response.path("uploadMealRecords.duplicateCount").entity(Integer.class).get() + "/"
                    + response.path("uploadMealRecords.rejectedCount").entity(Integer.class).get();
        });
        int accepted = outcomes.stream().mapToInt(outcome -> Integer.parseInt(outcome.split("/")[0])).sum();
        int duplicates = outcomes.stream().mapToInt(outcome -> Integer.parseInt(outcome.split("/")[1])).sum();
        assertThat(accepted).as("outcomes %s", outcomes).isEqualTo(60);
        assertThat(duplicates).as("outcomes %s", outcomes).isEqualTo(180);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE site_id = ?", Integer.class, Long.valueOf(siteA))).isEqualTo(60);
        // and each diner is subsidised once in the slot, however the six records of each were interleaved
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE site_id = ? AND subsidy_fen > 0", Integer.class,
                Long.valueOf(siteA))).isEqualTo(10);
    }

    private Map<String, Object> walkIn(String site, String diner) {
        return Map.of("idempotencyKey", key(), "siteId", site, "slot", "LUNCH", "servedAt", servedAt.toString(), "dinerId", diner,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"), "items", List.of(dishItem(fish, 1)));
    }

    private static boolean isTrue(Object flag) {
        return flag instanceof Boolean b ? b : ((Number) flag).intValue() != 0;
    }

}
