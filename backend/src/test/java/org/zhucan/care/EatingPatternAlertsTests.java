package org.zhucan.care;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eating-pattern job (issue 21, point 4) on a fixed day of the test clock: a diner of 80 or more who ate twelve
 * meals in the four weeks before the last three days, and none and no booking since, gets one STOPPED_EATING alert,
 * however many instances run the job at once; one who ate rarely, one who ate yesterday and one who is younger and
 * does not live alone get none. The meals of the past are written as rows (history a counter wrote long ago).
 */
class EatingPatternAlertsTests extends ApiTest {

    /** The day the job runs: far from the calendar, so that no booking or meal of another test falls near it. */
    private static final LocalDate TODAY = LocalDate.of(2031, 6, 15);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    EatingPatternAlerts job;

    @Autowired
    CareAlertService alerts;

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void shouldRaiseOneAlertForAnElderWhoStoppedEatingWhateverRunsTheJobAtOnce() throws Exception {
        logInDemoAccounts();
        DinerFixtures diners = new DinerFixtures(as("admin"), jdbc);
        String community = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        long stopped = Long.parseLong(diners.registerActiveSince2020("停餐老人", community, LocalDate.of(1940, 5, 1), List.of(), null));
        long rarely = Long.parseLong(diners.registerActiveSince2020("偶尔就餐老人", community, LocalDate.of(1940, 5, 1), List.of(), null));
        long ateYesterday = Long.parseLong(diners.registerActiveSince2020("昨日就餐老人", community, LocalDate.of(1940, 5, 1), List.of(), null));
        long younger = Long.parseLong(diners.registerActiveSince2020("年轻老人", community, LocalDate.of(1965, 5, 1), List.of(), null));
        LocalDate quietFrom = TODAY.minusDays(3);
        for (long diner : List.of(stopped, ateYesterday, younger)) {
            for (int day = 2; day <= 24; day += 2) {
                meal(diner, quietFrom.minusDays(day));
            }
        }
        for (int day = 2; day <= 10; day += 2) {
            meal(rarely, quietFrom.minusDays(day));
        }
        meal(ateYesterday, TODAY.minusDays(1));

        clock.stopAt(TODAY.atTime(LocalTime.of(6, 0)).atZone(BusinessTime.ZONE).toInstant());
        List<String> raised = Race.run(4, i -> String.valueOf(job.raiseDue()));
        assertThat(raised.stream().mapToInt(Integer::parseInt).sum()).as("new alerts over all runs").isGreaterThanOrEqualTo(1);
        assertThat(openAlerts(stopped)).isEqualTo(1);
        assertThat(openAlerts(rarely)).isZero();
        assertThat(openAlerts(ateYesterday)).isZero();
        assertThat(openAlerts(younger)).isZero();
        // run again: the open alert stands, nothing new
        job.raiseDue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM care_alert WHERE diner_id = ?", Integer.class, stopped)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT kind FROM care_alert WHERE diner_id = ?", String.class, stopped)).isEqualTo("STOPPED_EATING");
    }

    private int openAlerts(long diner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM care_alert WHERE diner_id = ? AND kind = 'STOPPED_EATING' AND status = 'OPEN'",
                Integer.class, diner);
    }

    /** A lunch the diner ate on the date at the demo canteen, as a counter recorded it then. */
    private void meal(long diner, LocalDate date) {
        jdbc.update("""
                INSERT INTO meal_record (kind, site_id, operator_id, diner_id, service_date, slot, served_at, verification, price_fen, subsidy_fen,
                                         diner_pays_fen, quote, origin, recorded_by, recorded_at)
                SELECT 'MEAL', s.id, s.operator_id, ?, ?, 'LUNCH', ?, 'STAFF_PROXY', 1000, 0, 1000, '{}', 'COUNTER', 'history', ?
                FROM site s WHERE s.name = '孝文街道长者食堂'""", diner, date, date.atTime(4, 0), date.atTime(4, 0));
    }
}
