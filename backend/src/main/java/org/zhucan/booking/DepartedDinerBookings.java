package org.zhucan.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.diner.DinerLeft;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.notice.NoticeKind;
import org.zhucan.notice.NoticeService;

/**
 * What a diner's leaving does to the diner's bookings, in the transaction that records it (see {@link DinerLeft}):
 * every BOOKED booking dated on or after the effective day is cancelled with the reason (the day itself too: a meal
 * still booked then was not eaten, and after a death or move nobody should collect it), whatever the cutoff, as staff
 * cancel; each recurring booking of a death or move-out is ended on the day before (one starting later gets a pause
 * over its first day as well), so the materialiser books nothing more. A suspension cancels the bookings but keeps
 * the recurring bookings, as it may be lifted; while it lasts the materialiser's days are refused and skipped.
 * The family is told of each cancellation and each ending in a notice; one audit row counts what was done, besides
 * each cancellation's own. Runs after serving's handler (order 2).
 */
@Component
class DepartedDinerBookings {

    private static final Map<MealSlot, String> SLOT_NAMES = Map.of(MealSlot.BREAKFAST, "早餐", MealSlot.LUNCH, "午餐", MealSlot.DINNER, "晚餐");

    private final BookingService bookings;
    private final RecurringBookingMapper recurringBookings;
    private final SiteService siteService;
    private final NoticeService notices;
    private final AuditService audit;
    private final Clock clock;

    DepartedDinerBookings(BookingService bookings, RecurringBookingMapper recurringBookings, SiteService siteService, NoticeService notices,
                          AuditService audit, Clock clock) {
        this.bookings = bookings;
        this.recurringBookings = recurringBookings;
        this.siteService = siteService;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Order(2)
    void on(DinerLeft left) {
        String cause = switch (left.status()) {
            case DECEASED -> "老人已登记为于 " + left.effectiveOn() + " 去世";
            case MOVED_AWAY -> "老人已登记为于 " + left.effectiveOn() + " 迁出";
            default -> "老人的助餐资格自 " + left.effectiveOn() + " 起暂停";
        };
        List<Booking> cancelled = bookings.cancelBookedOfDinerFrom(left.dinerId(), left.effectiveOn(), cause, left.actor());
        List<RecurringBookingMapper.Row> ended = left.forGood() ? endRecurring(left, cause) : List.of();

        Set<Long> siteIds = cancelled.stream().map(Booking::siteId).collect(Collectors.toSet());
        ended.forEach(row -> siteIds.add(row.siteId()));
        Map<Long, Site> sites = siteService.byIds(siteIds);
        List<NoticeService.Draft> drafts = new ArrayList<>();
        for (Booking booking : cancelled) {
            drafts.add(new NoticeService.Draft(left.dinerId(), NoticeKind.BOOKING_CANCELLED, "订餐已取消",
                    booking.date() + " " + SLOT_NAMES.get(booking.slot()) + " 在" + siteName(sites, booking.siteId()) + "的订餐已取消：" + cause + "。"));
        }
        LocalDate lastDay = left.effectiveOn().minusDays(1);
        for (RecurringBookingMapper.Row row : ended) {
            drafts.add(new NoticeService.Draft(left.dinerId(), NoticeKind.RECURRING_BOOKING_ENDED, "长期订餐已终止",
                    "在" + siteName(sites, row.siteId()) + "的长期订餐（" + SLOT_NAMES.get(row.slot()) + "）自 " + left.effectiveOn()
                            + " 起终止，不再自动订餐：" + cause + "。"));
        }
        notices.send(drafts, left.actor());

        Map<String, Object> what = new LinkedHashMap<>();
        what.put("status", left.status());
        what.put("effectiveOn", left.effectiveOn());
        what.put("bookingsCancelled", cancelled.size());
        what.put("recurringBookingsEnded", ended.size());
        what.put("lastDayOfRecurring", left.forGood() ? lastDay : null);
        what.put("noticesSent", drafts.size());
        audit.record("BOOKINGS_ENDED_ON_DEPARTURE", "Diner", left.dinerId(), null, what);
    }

    /** Ends the diner's recurring bookings on the day before the effective day; returns those it ended. */
    private List<RecurringBookingMapper.Row> endRecurring(DinerLeft left, String cause) {
        LocalDate lastDay = left.effectiveOn().minusDays(1);
        List<RecurringBookingMapper.Row> ended = new ArrayList<>();
        for (RecurringBookingMapper.Row row : recurringBookings.findOfDiner(left.dinerId(), CallerScope.ALL)) {
            if (recurringBookings.endOn(row.id(), lastDay) == 0) {
                continue;
            }
            if (row.startsOn().isAfter(lastDay)) {
                // ends_on cannot precede starts_on: it now ends on its first day, which this pause keeps unbooked
                recurringBookings.insertPause(row.id(), row.startsOn(), row.startsOn(), cause, left.actor(), clock.instant());
            }
            ended.add(row);
        }
        return ended;
    }

    private static String siteName(Map<Long, Site> sites, long siteId) {
        Site site = sites.get(siteId);
        return site == null ? "助餐点" : site.name();
    }
}
