package org.zhucan.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhucan.booking.BookMealInput;
import org.zhucan.booking.BookingItemInput;
import org.zhucan.booking.BookingService;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;
import org.zhucan.security.SystemActor;

/**
 * A demo delivery run: a diner of 孝文街道 has tomorrow's lunch at 孝文街道长者食堂 delivered
 * (营养套餐), with a home location near the canteen, on a run of the demo volunteer. Made through the services once
 * the application is ready (each call in its own transaction, as a planner would), after the demo volunteer exists;
 * skipped when the canteen has a run for tomorrow's lunch.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
class DeliveryDemoData {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDemoData.class);

    private final BookingService bookings;
    private final DeliveryPlanningService planning;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeliveryDemoData(BookingService bookings, DeliveryPlanningService planning, JdbcTemplate jdbc, Clock clock) {
        this.bookings = bookings;
        this.planning = planning;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void planTomorrowsRun() {
        List<Long> canteen = jdbc.queryForList("SELECT id FROM site WHERE name = '孝文街道长者食堂'", Long.class);
        List<Long> volunteer = jdbc.queryForList("SELECT id FROM volunteer WHERE name = '王秀兰' ORDER BY id", Long.class);
        // a diner of 孝文街道 past the first ten, whom the README's booking examples leave alone
        List<Long> diners = jdbc.queryForList("""
                SELECT d.id FROM diner d JOIN region c ON c.id = d.home_community_id JOIN region s ON s.id = c.parent_id
                WHERE s.name = '孝文街道' AND d.status = 'ACTIVE' AND d.id > 10 ORDER BY d.id LIMIT 1""", Long.class);
        LocalDate tomorrow = BusinessTime.today(clock).plusDays(1);
        if (canteen.isEmpty() || volunteer.isEmpty() || diners.isEmpty() || jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivery_run WHERE site_id = ? AND service_date = ? AND slot = 'LUNCH'", Integer.class, canteen.get(0), tomorrow) > 0) {
            return;
        }
        long site = canteen.get(0);
        long diner = diners.get(0);
        SystemActor.runAs("demo", () -> {
            var booked = bookings.bookMeal(new BookMealInput("demo-delivery-" + diner + "-" + tomorrow, diner, site, tomorrow, MealSlot.LUNCH,
                    Fulfilment.DELIVERY, "孝文街道正泰嘉苑社区5号楼1单元302", List.of(new BookingItemInput(null, "营养套餐", 1)), null));
            if (!booked.userErrors().isEmpty()) {
                log.info("demo delivery run skipped: the booking was refused: {}", booked.userErrors());
                return null;
            }
            planning.setHomeLocation(new SetHomeLocationInput(diner, new BigDecimal("34.612000"), new BigDecimal("112.561000")));
            DeliveryRunsPayload planned = planning.plan(new PlanDeliveryRunsInput(site, tomorrow, MealSlot.LUNCH,
                    List.of(new CourierInput(null, volunteer.get(0), 10))));
            log.info("demo delivery run for {}: {}", tomorrow, planned.userErrors().isEmpty() ? "planned" : planned.userErrors());
            return null;
        });
    }
}
