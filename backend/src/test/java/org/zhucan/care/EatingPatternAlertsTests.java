package org.zhucan.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
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
    EatingPatternAlerts job;

    @Autowired
    CareAlertService alerts;

    @Autowired
    CareAlertMapper mapper;

    @Autowired
    CareProperties properties;

    @Autowired
    ConfigurableApplicationContext context;

    /**
     * Once the application closes (its ContextClosedEvent), a run stops before its next diner: an instance closing
     * while Redis closes no longer raises alerts it cannot publish. The diner it left is raised by the next run.
     */
    @Test
    void shouldLeaveTheRestToTheNextRunOnceTheApplicationIsClosing() {
        logInDemoAccounts();
        long stopped = diner("关停时停餐老人", LocalDate.of(1940, 5, 1));
        LocalDate today = LocalDate.of(2033, 9, 14);
        for (int day = 2; day <= 24; day += 2) {
            meal(stopped, today.minusDays(3 + day));
        }
        clock.stopAt(today.atTime(LocalTime.of(6, 0)).atZone(BusinessTime.ZONE).toInstant());

        EatingPatternAlerts closingJob = new EatingPatternAlerts(mapper, alerts, properties, clock, context);
        closingJob.closing(new ContextClosedEvent(context));
        assertThat(closingJob.raiseDue()).isZero();
        assertThat(openAlerts(stopped)).isZero();

        assertThat(job.raiseDue()).as("the next run").isGreaterThanOrEqualTo(1);
        assertThat(openAlerts(stopped)).isEqualTo(1);
    }

    @Test
    void shouldRaiseOneAlertForAnElderWhoStoppedEatingWhateverRunsTheJobAtOnce() throws Exception {
        logInDemoAccounts();
        long stopped = diner("停餐老人", LocalDate.of(1940, 5, 1));
        long rarely = diner("偶尔就餐老人", LocalDate.of(1940, 5, 1));
        long ateYesterday = diner("昨日就餐老人", LocalDate.of(1940, 5, 1));
        long younger = diner("年轻老人", LocalDate.of(1965, 5, 1));
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

    /**
     * The other branch of "who is watched": a diner under 80 who lives alone (category 独居 in force that day) is watched,
     * one whose 独居 ended before that day, or whose 独居 record was superseded by a correction, is not. The job runs on
     * two application instances at the same moment, and the diner gets one alert.
     */
    @Test
    void shouldWatchThoseWhoLiveAloneAndRaiseOneAlertWhenTwoInstancesRunTheJobAtOnce() throws Exception {
        LocalDate today = LocalDate.of(2031, 3, 15);
        logInDemoAccounts();
        LocalDate born = LocalDate.of(1960, 5, 1);
        long alone = diner("独居停餐老人", born, "LIVING_ALONE");
        long noLongerAlone = diner("曾独居老人", born, "LIVING_ALONE");
        long corrected = diner("误登独居老人", born, "LIVING_ALONE");
        jdbc.update("UPDATE diner_category SET valid_to = ? WHERE diner_id = ? AND category = 'LIVING_ALONE'", today.minusDays(40), noLongerAlone);
        jdbc.update("UPDATE diner_category SET superseded_at = valid_from WHERE diner_id = ? AND category = 'LIVING_ALONE'", corrected);
        LocalDate quietFrom = today.minusDays(3);
        for (long diner : List.of(alone, noLongerAlone, corrected)) {
            for (int day = 2; day <= 24; day += 2) {
                meal(diner, quietFrom.minusDays(day));
            }
        }
        Instant six = today.atTime(LocalTime.of(6, 0)).atZone(BusinessTime.ZONE).toInstant();
        clock.stopAt(six);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false", "--zhucan.care.jobs-enabled=false")) {
            second.getBean(TestClock.class).stopAt(six);
            EatingPatternAlerts secondJob = second.getBean(EatingPatternAlerts.class);
            List<String> raised = Race.run(2, i -> String.valueOf(i == 0 ? job.raiseDue() : secondJob.raiseDue()));
            assertThat(raised.stream().mapToInt(Integer::parseInt).sum()).as("new alerts over both instances").isGreaterThanOrEqualTo(1);
        }
        assertThat(openAlerts(alone)).isEqualTo(1);
        assertThat(openAlerts(noLongerAlone)).as("独居 ended before the day").isZero();
        assertThat(openAlerts(corrected)).as("独居 superseded by a correction").isZero();
    }

    @Test
    void shouldRaiseAnAlertWhenARecurringBookingWasServedAtNoSiteForTwoDays() {
        logInDemoAccounts();
        long missed = diner("长期订餐未到老人", LocalDate.of(1950, 5, 1));
        long servedOnce = diner("长期订餐到过老人", LocalDate.of(1950, 5, 1));
        LocalDate day = LocalDate.of(2031, 9, 10);
        for (long diner : List.of(missed, servedOnce)) {
            recurringBooking(diner, day.minusDays(2));
            recurringBooking(diner, day.minusDays(1));
        }
        meal(servedOnce, day.minusDays(1));

        clock.stopAt(day.atTime(LocalTime.of(6, 0)).atZone(BusinessTime.ZONE).toInstant());
        job.raiseDue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM care_alert WHERE diner_id = ? AND kind = 'RECURRING_NOT_SERVED' AND status = 'OPEN'",
                Integer.class, missed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM care_alert WHERE diner_id = ?", Integer.class, servedOnce)).isZero();
    }

    /** A lunch a recurring booking booked for the diner on the date (copied from a demo booking; only its diner, date and origin matter here). */
    private void recurringBooking(long diner, LocalDate date) {
        jdbc.update("""
                INSERT INTO booking (diner_id, site_id, service_date, slot, fulfilment, menu_id, delivery_fee_fen, price_fen, subsidy_fen,
                                     diner_pays_fen, policy_id, quote, status, pickup_code, booked_by, recurring_booking_id, created_at, updated_at)
                SELECT ?, b.site_id, ?, 'LUNCH', 'DINE_IN', b.menu_id, 0, b.price_fen, b.subsidy_fen, b.diner_pays_fen, b.policy_id, b.quote,
                       'BOOKED', LPAD(FLOOR(RAND() * 1000000), 6, '0'), 'system:recurring', 999999, b.created_at, b.updated_at
                FROM booking b WHERE b.fulfilment = 'DINE_IN' ORDER BY b.id LIMIT 1""", diner, date);
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

    /** An ACTIVE diner at home in 西韩社区, registered through the API as the admin. */
    private long diner(String name, LocalDate born, String... categories) {
        String community = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        return Long.parseLong(new DinerFixtures(as("admin"), jdbc).registerActiveSince2020(name, community, born, List.of(categories), null));
    }
}
