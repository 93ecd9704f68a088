package org.zhucan.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;
import org.zhucan.security.AccountService;
import org.zhucan.security.SystemActor;

/**
 * Demo bookings: the {@code family} account's first diner eats lunch at 孝文街道长者食堂 every
 * weekday for three months (a recurring booking), so the open days of this week and next are
 * booked, the kitchen sheet has rows and myBookings has a page. The first of those bookings is paid
 * in advance from the diner's prepaid balance, as the family would in the mini-program. Made through
 * the services, as a family would; skipped when the diner already has a recurring booking, and the
 * payment when one of the diner's bookings is paid in advance already.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(3)
class BookingDemoData implements DemoDataContributor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BookingDemoData.class);

    private final RecurringBookingService recurringBookings;
    private final BookingPayments bookingPayments;
    private final AccountService accountService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BookingDemoData(RecurringBookingService recurringBookings, BookingPayments bookingPayments, AccountService accountService, JdbcTemplate jdbc,
                    Clock clock) {
        this.recurringBookings = recurringBookings;
        this.bookingPayments = bookingPayments;
        this.accountService = accountService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The demo data loads in one transaction (an application runner); the recurring booking's dates
     * are booked once the application is ready, each in its own transaction, as the job would.
     */
    @EventListener(ApplicationReadyEvent.class)
    void bookTheOpenDates() {
        recurringBookings.materialise();
        payTheFirstInAdvance();
    }

    private void payTheFirstInAdvance() {
        List<Long> familyDiners = accountService.find("family").map(account -> accountService.dinerIdsActedForBy("family")).orElse(List.of());
        if (familyDiners.isEmpty()) {
            return;
        }
        long diner = familyDiners.stream().sorted().findFirst().orElseThrow();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE diner_id = ? AND booking_id IS NOT NULL", Long.class, diner) > 0) {
            return;
        }
        List<java.util.Map<String, Object>> first = jdbc.queryForList("""
                SELECT id, diner_pays_fen FROM booking WHERE diner_id = ? AND status = 'BOOKED' ORDER BY service_date, id LIMIT 1""", diner);
        if (first.isEmpty()) {
            return;
        }
        long booking = ((Number) first.get(0).get("id")).longValue();
        long share = ((Number) first.get(0).get("diner_pays_fen")).longValue();
        PayBookingPayload paid = bookingPayments.payAs(new PayBookingInput("demo-advance-" + booking, booking,
                org.zhucan.common.money.Money.ofFen(share), org.zhucan.payments.PaymentMethod.PREPAID, null), "family");
        if (paid.isFailed()) {
            LOG.warn("demo booking {} not paid in advance: {}", booking, paid.userErrors());
        }
    }

    @Override
    public void contribute() {
        List<Long> familyDiners = accountService.find("family").map(account -> accountService.dinerIdsActedForBy("family")).orElse(List.of());
        List<Long> canteen = jdbc.queryForList("SELECT id FROM site WHERE name = '孝文街道长者食堂'", Long.class);
        if (familyDiners.isEmpty() || canteen.isEmpty()) {
            return;
        }
        long diner = familyDiners.stream().sorted().findFirst().orElseThrow();
        SystemActor.runAs("demo", () -> {
            if (recurringBookings.ofDiner(diner).isEmpty()) {
                recurringBookings.create(new RecurringBookingService.CreateRecurringBookingInput("demo-recurring-" + diner, diner, canteen.get(0),
                        MealSlot.LUNCH, Fulfilment.DINE_IN, null, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), BusinessTime.today(clock), BusinessTime.today(clock).plusMonths(3), null));
            }
            return null;
        });

    }
}
