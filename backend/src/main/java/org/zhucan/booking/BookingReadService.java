package org.zhucan.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.menu.MenuService;
import org.zhucan.menu.MenuView;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.network.SiteStatus;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.subsidy.StoredQuote;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bookings as their readers see them: one booking, a family's bookings, a slot's bookings for the
 * kitchen, what is left to book, repeated no-shows, items, delivery addresses (masked unless the
 * caller may see them), the QR payload and the stored quote. Each read narrowed to the caller's scope.
 */
@Service
public class BookingReadService {

    private final BookingMapper mapper;
    private final BookingAccess access;
    private final AccountService accountService;
    private final DinerService dinerService;
    private final SiteService siteService;
    private final MenuService menuService;
    private final PersonalDataCipher cipher;
    private final BookingQr qr;
    private final JsonMapper json;
    private final BookingProperties properties;
    private final Clock clock;

    BookingReadService(BookingMapper mapper, BookingAccess access, AccountService accountService, DinerService dinerService,
                       SiteService siteService,
                       MenuService menuService, PersonalDataCipher cipher, BookingQr qr, JsonMapper json,
                       BookingProperties properties, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.accountService = accountService;
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.menuService = menuService;
        this.cipher = cipher;
        this.qr = qr;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A booking the caller may read, or null. */
    @Transactional(readOnly = true)
    public Booking find(long id) {
        Booking booking = mapper.findById(id);
        return booking != null && access.mayRead(CurrentUser.get(), booking) ? booking : null;
    }

    /**
     * myBookings: the bookings of the diners a DINER account acts for, or of one diner of its region
     * the hotline names (dinerId required for it: one caller on the phone at a time).
     */
    @Transactional(readOnly = true)
    public Connection<Booking> bookingsOfMyDiners(Long dinerId, LocalDate from, LocalDate to, BookingStatus status, PageRequest page) {
        CurrentUser user = CurrentUser.get();
        List<Long> dinerIds;
        if (user.roles().contains(Role.DINER)) {
            dinerIds = accountService.dinerIdsActedForBy(user.username());
            if (dinerId != null) {
                dinerIds = dinerIds.contains(dinerId) ? List.of(dinerId) : List.of();
            }
        } else if (user.roles().contains(Role.HOTLINE)) {
            if (dinerId == null) {
                throw new BadRequestException("The hotline names the diner whose bookings it reads", "filter", "dinerId");
            }
            dinerIds = List.copyOf(dinerService.byIds(List.of(dinerId)).keySet());
        } else {
            throw new AccessDeniedException("myBookings is for diners' and families' accounts and the hotline");
        }
        if (dinerIds.isEmpty()) {
            return Connection.of(List.of(), page, booking -> "", 0);
        }
        LocalDate afterDate = null;
        Long afterId = null;
        if (page.hasAfter()) {
            List<String> position = Cursor.decode(page.after(), 2);
            try {
                afterDate = LocalDate.parse(position.get(0));
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadRequestException("after is not a cursor returned by this list", "after");
            }
            afterId = Cursor.idPart(position.get(1));
        }
        List<Booking> rows = mapper.findPageOfDiners(dinerIds, from, to, status, afterDate, afterId, page.fetchSize());
        return Connection.of(rows, page, booking -> Cursor.encode(booking.date(), booking.id()), mapper.countOfDiners(dinerIds, from, to, status));
    }

    /** The kitchen's sheet: the site's staff and ADMIN. */
    @Transactional(readOnly = true)
    public SlotBookings slotBookings(long siteId, LocalDate date, MealSlot slot) {
        Site site = siteService.require(siteId);
        CurrentUser user = CurrentUser.get();
        if (!access.isStaffOf(user, site)) {
            throw new AccessDeniedException("only the site's staff see its bookings");
        }
        List<Booking> live = mapper.findLiveAt(siteId, date, slot);
        return new SlotBookings(site.id(), date, slot, live.size(), mapper.countItemsAt(siteId, date, slot),
                mapper.countFulfilmentsAt(siteId, date, slot), live.stream().filter(b -> b.fulfilment() == Fulfilment.DELIVERY).toList(), live);
    }

    /**
     * Supplied points' live bookings for their central kitchen's production sheet (issue 21), by point (every point
     * given has an entry), in one statement: the kitchen's staff see the points' bookings without being their staff,
     * since they cook them; the delivery feature checks that the kitchen supplies the points. No delivery addresses
     * are read from them.
     */
    @org.zhucan.common.access.BypassesCallerScope(usedBy = {"delivery"})
    @Transactional(readOnly = true)
    public Map<Long, List<Booking>> suppliedPointsBookings(Collection<Long> siteIds, LocalDate date, MealSlot slot) {
        return Batches.group(siteIds, siteIds.isEmpty() ? List.of() : mapper.findLiveAtSites(siteIds, date, slot), Booking::siteId);
    }

    /** Seats and quotas left, for anyone logged in. */
    @Transactional(readOnly = true)
    public SlotAvailability availability(long siteId, LocalDate date, MealSlot slotName) {
        Site site = siteService.require(siteId);
        SiteSlot slot = siteService.slotOf(site, slotName);
        if (slot == null) {
            throw new BadRequestException(site.name() + " does not serve " + slotName, "slot");
        }
        Integer taken = mapper.findSeatsTaken(siteId, date, slotName);
        int seatsTaken = taken == null ? 0 : taken;
        ZonedDateTime closesAt = slot.bookingCutoffOn(date);
        LocalDate today = BusinessTime.today(clock);
        MenuView menu = menuService.publishedMenu(siteId, date, slotName);
        boolean open = site.status() == SiteStatus.OPERATING && menu != null && !date.isBefore(today)
                && !date.isAfter(today.plusDays(properties.windowDays())) && clock.instant().isBefore(closesAt.toInstant());
        List<QuotaLeft> quotas = new ArrayList<>();
        if (menu != null) {
            Map<String, Integer> takenByRef = new java.util.HashMap<>();
            mapper.findQuotaTaken(menu.id()).forEach(row -> takenByRef.put(row.ref(), row.taken()));
            for (MenuView.Item item : menu.items()) {
                if (item.dailyQuota() != null) {
                    int portions = takenByRef.getOrDefault("D:" + item.dish().id(), 0);
                    quotas.add(new QuotaLeft(item.dish().id(), null, item.dailyQuota(), portions, Math.max(0, item.dailyQuota() - portions)));
                }
            }
            for (MenuView.SetMeal set : menu.setMeals()) {
                if (set.dailyQuota() != null) {
                    int portions = takenByRef.getOrDefault("S:" + set.name(), 0);
                    quotas.add(new QuotaLeft(null, set.name(), set.dailyQuota(), portions, Math.max(0, set.dailyQuota() - portions)));
                }
            }
        }
        return new SlotAvailability(siteId, date, slotName, slot.seats(), seatsTaken, Math.max(0, slot.seats() - seatsTaken),
                closesAt.toOffsetDateTime(), open, quotas);
    }

    /**
     * Diners with repeated no-shows at an operator's sites: the operator's staff and ADMIN (a
     * region's ADMIN of an operator working in its region).
     */
    @Transactional(readOnly = true)
    public List<BookingMapper.NoShowRow> repeatedNoShows(long operatorId, LocalDate since, int atLeast) {
        CurrentUser user = CurrentUser.get();
        if (!access.isStaffOfOperator(user, operatorId)) {
            throw new AccessDeniedException("only the operator's staff see its no-shows");
        }
        if (atLeast < 1) {
            throw new BadRequestException("atLeast must be 1 or more", "atLeast");
        }
        return mapper.findRepeatedNoShows(operatorId, access.adminRegionPath(user), since, atLeast);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<BookingItem>> itemsOf(Collection<Long> bookingIds) {
        return Batches.group(bookingIds, bookingIds.isEmpty() ? List.of() : mapper.findItemsOf(bookingIds), BookingItem::bookingId);
    }

    /**
     * The delivery addresses of bookings: in full for the diner's own accounts and the site's
     * staff, masked for anyone else (ADMIN). Two statements at most, however many bookings.
     */
    public Map<Booking, String> deliveryAddressesFor(List<Booking> bookings) {
        CurrentUser user = CurrentUser.get();
        Set<Long> ownDiners = user.roles().contains(Role.DINER) ? Set.copyOf(accountService.dinerIdsActedForBy(user.username())) : Set.of();
        Map<Long, Site> sites = user.roles().contains(Role.OPERATOR) ? siteService.byIds(Batches.keys(bookings, Booking::siteId)) : Map.of();
        Map<Booking, String> addresses = new java.util.HashMap<>();
        for (Booking booking : bookings) {
            if (booking.deliveryAddressEncrypted() == null) {
                continue;
            }
            Site site = sites.get(booking.siteId());
            boolean siteStaff = site != null && user.actsForOperator(site.operatorId());
            addresses.put(booking, ownDiners.contains(booking.dinerId()) || siteStaff
                    ? cipher.decrypt(booking.deliveryAddressEncrypted()) : booking.deliveryAddressMasked());
        }
        return addresses;
    }

    /** What the diner's QR code holds: the booking, its pickup code and a keyed signature the counter checks. */
    public String qrPayload(Booking booking) {
        return qr.payload(booking);
    }

    /** The stored quote's shares and reasons. */
    public StoredQuote storedQuote(Booking booking) {
        return json.readValue(booking.quoteJson(), StoredQuote.class);
    }
}
