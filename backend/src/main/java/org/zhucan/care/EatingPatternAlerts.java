package org.zhucan.care;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhucan.common.time.BusinessTime;

/**
 * Care alerts from eating patterns (issue 21, point 4): a diner who lives alone or is 80 or older, who usually eats
 * ({@link CareProperties#usualMeals} standing meals in the four weeks before), and who has had no meal and no live
 * booking for the last {@link CareProperties#noMealDays} days (or any later one) gets a STOPPED_EATING alert; a diner
 * whose recurring booking's meals of the last two days were served at no site gets a RECURRING_NOT_SERVED one. Every
 * instance may run it at once: the open alert's unique key lets one alert through, the others find it open.
 */
@Component
class EatingPatternAlerts {

    static final String ACTOR = "system:care";
    private static final Logger log = LoggerFactory.getLogger(EatingPatternAlerts.class);

    private final CareAlertMapper mapper;
    private final CareAlertService alerts;
    private final CareProperties properties;
    private final Clock clock;
    private final ApplicationContext context;
    private volatile boolean closing;

    EatingPatternAlerts(CareAlertMapper mapper, CareAlertService alerts, CareProperties properties, Clock clock, ApplicationContext context) {
        this.mapper = mapper;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
        this.context = context;
    }

    /**
     * The application is closing: a run under way stops before its next diner, and the next run, here or on another
     * instance, raises the rest. A run of thousands went on raising alerts while Redis closed, each one logging that it
     * could not be published.
     */
    @EventListener
    void closing(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == context) {
            closing = true;
        }
    }

    /** Raises the alerts due today; returns how many are new. */
    int raiseDue() {
        LocalDate today = BusinessTime.today(clock);
        LocalDate quietFrom = today.minusDays(properties.noMealDays());
        List<Long> diners = mapper.findStoppedEating(today, quietFrom, quietFrom.minusWeeks(4), properties.usualMeals(), today.minusYears(80));
        int raised = 0;
        for (long diner : diners) {
            if (closing) {
                return stoppedForClosing(raised);
            }
            // each in its own transaction: one diner's failure leaves the others' alerts raised
            CareAlertService.Raised result = alerts.raise(diner, CareAlertKind.STOPPED_EATING, "No meal and no booking since " + quietFrom
                    + " (" + properties.noMealDays() + " days), after eating regularly the four weeks before", null, ACTOR);
            raised += result.isNew() ? 1 : 0;
        }
        LocalDate yesterday = today.minusDays(1);
        for (long diner : mapper.findRecurringNotServed(yesterday.minusDays(1), yesterday)) {
            if (closing) {
                return stoppedForClosing(raised);
            }
            CareAlertService.Raised result = alerts.raise(diner, CareAlertKind.RECURRING_NOT_SERVED, "Recurring lunches booked for "
                    + yesterday.minusDays(1) + " and " + yesterday + " were served at no site", null, ACTOR);
            raised += result.isNew() ? 1 : 0;
        }
        if (raised > 0) {
            log.info("care: {} STOPPED_EATING alerts raised", raised);
        }
        return raised;
    }

    private int stoppedForClosing(int raised) {
        log.info("care: {} alerts raised, the rest left to the next run: the application is closing", raised);
        return raised;
    }
}
