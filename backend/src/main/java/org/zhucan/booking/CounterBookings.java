package org.zhucan.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.RoundTrips;
import org.zhucan.diner.DinerService;
import org.zhucan.network.MealSlot;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bookings as the counter (核销) and the features that count meals see them: found by QR payload or
 * pickup code, marked served in the serving feature's transaction, counted per day and site.
 * Unscoped on purpose: the serving feature checks the caller's site first.
 */
@Service
public class CounterBookings {

    private final BookingMapper mapper;
    private final BookingQr qr;
    private final Clock clock;
    /** The items' reader, its type and deserializer found once rather than on every served booking. */
    private final ObjectReader itemsReader;
    private final DinerService diners;

    CounterBookings(BookingMapper mapper, BookingQr qr, Clock clock, JsonMapper json, DinerService diners) {
        this.mapper = mapper;
        this.diners = diners;
        this.qr = qr;
        this.clock = clock;
        this.itemsReader = json.readerFor(ITEMS);
    }

    /** Whether a payload is a booking's QR (rather than a diner's meal card): it may still be forged. */
    public static boolean looksLikeBookingQr(String payload) {
        return payload != null && payload.startsWith(BookingQr.PREFIX);
    }

    /**
     * The booking a QR payload names, with its items and its diner's facts on its date, when its signature holds and the booking
     * still has that pickup code; null for a forged, mangled or unknown payload. One statement, in the caller's
     * transaction or none.
     */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public CounterBooking bookingOfQr(String payload) {
        BookingQr.Named named = qr.named(payload);
        if (named == null) {
            return null;
        }
        CounterBooking found = withItems(mapper.findForCounterById(named.bookingId()));
        return found != null && found.pickupCode().equals(named.pickupCode()) ? found : null;
    }

    /**
     * The booking with a pickup code at a site, date and slot, with its items and its diner's facts on its date, whatever its
     * status; null when none. One statement, in the caller's transaction or none: the counter reads it before the transaction
     * that writes the meal.
     */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public CounterBooking bookingOfPickupCode(long siteId, LocalDate date, MealSlot slot, String pickupCode) {
        return withItems(mapper.findForCounterByPickupCode(siteId, date, slot, pickupCode));
    }

    private CounterBooking withItems(CounterBookingRow found) {
        if (found == null) {
            return null;
        }
        long id = found.id();
        List<BookingItem> items = found.itemsJson() == null ? List.of() : itemsReader.<List<ItemJson>>readValue(found.itemsJson()).stream()
                .map(item -> new BookingItem(id, item.p(), item.d(), item.s(), item.n(), Money.ofFen(item.u()), item.q(), item.c() != 0))
                .sorted(Comparator.comparingInt(BookingItem::position)).toList();
        return new CounterBooking(id, found.dinerId(), found.siteId(), found.date(), found.slot(), found.status(), found.pickupCode(),
                found.version(), items, found.openAdvance(), diners.quoteFactsOf(found.dinerFacts(), found.date()));
    }

    private static final TypeReference<List<ItemJson>> ITEMS = new TypeReference<>() {
    };

    /** An item as {@code itemsJson} in BookingMapper.xml spells it. */
    private record ItemJson(int p, Long d, String s, String n, long u, int q, int c) {
    }

    /**
     * Marks bookings SERVED in the caller's transaction, with the other writes of its round trip, each only at the version
     * it was read at when that is given (its advance, read with it, then still holds: paying and refunding move the
     * version). Its part is {@link RoundTrips.Part#accepted accepted} (something to rely on) only if every one of them was
     * BOOKED or NO_SHOW, at that version. Null when there is none to mark.
     */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(propagation = Propagation.MANDATORY)
    public RoundTrips.Part markAllServed(Collection<Serve> serves, RoundTrips.Trip trip) {
        return serves.isEmpty() ? null
                : trip.add(BookingMapper.class, "markAllServed", Map.of("serves", serves, "at", clock.instant()), rows -> rows == serves.size());
    }

    /** A booking to mark served, and the version it was read at ({@link CounterBooking}); null when it was not read so. */
    public record Serve(long bookingId, Integer versionRead) {
    }

    /** Its meal record was voided: a SERVED booking is BOOKED again (the no-show job ends it once its slot is over). */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(propagation = Propagation.MANDATORY)
    public void unmarkServed(long bookingId) {
        mapper.unmarkServed(bookingId, clock.instant());
    }

    /** Per slot of a site's day: live bookings, served and no-shows. */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(readOnly = true)
    public List<SlotDayCounts> dayCounts(long siteId, LocalDate date) {
        return mapper.countDay(siteId, date);
    }

    /**
     * Per site, the bookings dated between the dates that were served or missed (cancelled and
     * still open ones left out): what no-show rates are made of. For features that aggregate over
     * sites the caller has already checked.
     */
    @BypassesCallerScope(usedBy = {"evaluation"})
    @Transactional(readOnly = true)
    public List<SiteAttendance> attendance(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        return siteIds.isEmpty() ? List.of() : mapper.countAttendance(siteIds, from, to);
    }

    /** Bookings by id whatever the caller's scope, for records that point at them (the serving feature scopes its records). */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(readOnly = true)
    public Map<Long, Booking> byIdsForRecords(Collection<Long> ids) {
        Map<Long, Booking> found = new HashMap<>();
        if (!ids.isEmpty()) {
            mapper.findByIds(ids).forEach(booking -> found.put(booking.id(), booking));
        }
        return found;
    }
}
