package org.zhucan.satisfaction;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the rating API tests: a district of their own ({@link SatisfactionWorld}), today as
 * the day meals are served, and the application's clock stopped at 12:30 that day (put back after
 * each test).
 */
abstract class SatisfactionDayTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    SatisfactionWorld world;
    LocalDate day;

    @BeforeEach
    void world() {
        logInDemoAccounts();
        world = new SatisfactionWorld(this::as, jdbc);
        day = DistrictWorld.today();
        stopAt(day, LocalTime.of(12, 30));
    }

    void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }

    /**
     * Whatever a test did (ratings given, replaced by another channel, withdrawn by voids and corrections, in races), the
     * rating tally the evaluation and the dashboard read (V40) holds what the ratings themselves sum to, site day by site day.
     */
    @AfterEach
    void tallyMatchesTheRatings() {
        List<Map<String, Object>> fromRatings = jdbc.queryForList("""
                SELECT r.site_id, r.service_date, r.operator_id, COUNT(*) AS ratings, SUM(r.score) AS score_sum,
                       SUM(r.channel = 'COUNTER') AS counter_ratings, COALESCE(SUM(CASE WHEN r.channel = 'COUNTER' THEN r.score END), 0) AS counter_sum
                FROM meal_rating r GROUP BY r.site_id, r.service_date, r.operator_id ORDER BY 1, 2, 3""");
        List<Map<String, Object>> fromTally = jdbc.queryForList("""
                SELECT t.site_id, t.service_date, t.operator_id, t.ratings, t.score_sum, t.counter_ratings, t.counter_score_sum AS counter_sum
                FROM meal_rating_tally t WHERE t.ratings <> 0 OR t.score_sum <> 0 OR t.counter_ratings <> 0 OR t.counter_score_sum <> 0
                ORDER BY 1, 2, 3""");
        assertThat(fromTally.toString()).isEqualTo(fromRatings.toString());
    }
}
