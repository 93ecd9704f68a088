package org.zhucan.booking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.money.Money;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.sql.UniqueKeys;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.menu.MenuChoices;
import org.zhucan.menu.MenuService;
import org.zhucan.menu.MenuView;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.Site;
import org.zhucan.network.SiteFulfilment;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.network.SiteStatus;
import org.zhucan.payments.Payment;
import org.zhucan.payments.PaymentService;
import org.zhucan.security.CurrentUser;
import org.zhucan.subsidy.QuoteService;
import org.zhucan.subsidy.StoredQuote;
import org.zhucan.subsidy.SubsidyRules;
import tools.jackson.databind.json.JsonMapper;

import static org.zhucan.common.Text.blankToNull;

/**
 * Bookings. A booking checks every rule first (window, cutoff, site, slot, fulfilment, diner,
 * menu), then inserts the booking, whose unique key allows one live booking per diner, date and
 * slot (so "already booked" costs no read before), writes bookMeal's idempotency key with the booking
 * (see IdempotencyKeys#onceClaimingLast), then takes its dishes' portions and its dine-in seat with
 * conditional UPDATEs on counter rows, the seat last, so that the slot's one counter row is held the
 * shortest time: from its UPDATE to the commit. Any failure after something was written rolls the whole
 * transaction back (the key too), so counters always equal the live bookings. Transactions run at READ COMMITTED: the
 * counters are decided by locking statements, and no gap locks are needed.
 */
@Service
public class BookingService {

    static final String RECURRING_ACTOR = "system:recurring";

    private final BookingMapper mapper;
    private final RecurringBookingMapper days;
    private final DinerService dinerService;
    private final SiteService siteService;
    private final MenuService menuService;
    private final QuoteService quoteService;
    private final PaymentService payments;
    private final IdempotencyKeys idempotencyKeys;
    private final PersonalDataCipher cipher;
    private final BookingAccess access;
    private final AuditService audit;
    private final JsonMapper json;
    private final BookingProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** A booking mutation's results, for its idempotency key: the booking, or the user errors. */
    private final IdempotencyKeys.Outcomes<BookingResult> outcomes;

    BookingService(BookingMapper mapper, RecurringBookingMapper days, DinerService dinerService, SiteService siteService, MenuService menuService,
                   QuoteService quoteService, PaymentService payments, IdempotencyKeys idempotencyKeys, PersonalDataCipher cipher,
                   BookingAccess access, AuditService audit, JsonMapper json, BookingProperties properties, Clock clock) {
        this.mapper = mapper;
        this.days = days;
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.menuService = menuService;
        this.quoteService = quoteService;
        this.payments = payments;
        this.idempotencyKeys = idempotencyKeys;
        this.cipher = cipher;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.outcomes = new IdempotencyKeys.Outcomes<>(BookingResult::failed,
                id -> new BookingResult(mapper.findById(id), List.of()), result -> result.failed() ? null : result.booking().id());
    }

    // ---------------------------------------------------------------- booking

    /** bookMeal: the caller's booking, or the first result of an earlier call with the same key. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public BookingResult bookMeal(BookMealInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireMayBookAt(user, site);
        BookingChannel channel = BookingChannel.of(user.roles());
        String callReference = blankToNull(input.callReference());
        if (callReference != null && !channel.staffOnBehalf()) {
            return BookingResult.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "A call reference is given by the hotline or counter staff booking on a diner's behalf", "input", "callReference"));
        }
        return idempotencyKeys.onceClaimingLast(user.username(), input.idempotencyKey(), "bookMeal", input.withoutKey(), outcomes,
                resultKey -> book(input.request(), site, user.username(), null, channel, callReference, resultKey));
    }

    /**
     * Books one date of a recurring booking, once: the day's row is locked first, so two job
     * instances never both book it, and a date booked before is never booked again.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public BookingResult bookRecurringDay(RecurringBooking recurring, LocalDate date) {
        Instant now = clock.instant();
        days.claimDay(recurring.id(), date, now);
        if (days.findDayBookingIdForUpdate(recurring.id(), date) != null) {
            return BookingResult.ALREADY_MATERIALISED;
        }
        Site site = siteService.require(recurring.siteId());
        String address = recurring.deliveryAddressEncrypted() == null ? null : cipher.decrypt(recurring.deliveryAddressEncrypted());
        String setMeal = recurring.setMealName();
        if (setMeal == null) {
            // the menu's first set meal; with none (or no menu) the empty name fails as the rules say why
            MenuView menu = menuService.publishedMenu(site.id(), date, recurring.slot());
            setMeal = menu == null || menu.setMeals().isEmpty() ? "" : menu.setMeals().get(0).name();
        }
        BookingRequest request = new BookingRequest(recurring.dinerId(), site.id(), date, recurring.slot(), recurring.fulfilment(), address,
                List.of(new BookingItemInput(null, setMeal, 1)), false);
        BookingResult result = book(request, site, RECURRING_ACTOR, recurring.id(), BookingChannel.RECURRING, null, IdempotencyKeys.ResultKey.NONE);
        if (result.failed()) {
            return rolledBack(result);
        }
        days.setDayBooking(recurring.id(), date, result.booking().id(), now);
        return result;
    }

    private BookingResult book(BookingRequest request, Site site, String actor, Long recurringId, BookingChannel channel, String callReference,
                               IdempotencyKeys.ResultKey resultKey) {
        if (site.kind() == SiteKind.CENTRAL_KITCHEN) {
            return BookingResult.failed(BookingRefusals.kitchenOnly(site));
        }
        List<UserError> problems = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        if (request.date().isBefore(today) || request.date().isAfter(today.plusDays(properties.windowDays()))) {
            problems.add(UserError.of(UserErrorCode.OUTSIDE_BOOKING_WINDOW,
                    "Meals can be booked from today to " + today.plusDays(properties.windowDays()), "input", "date"));
        }
        if (site.status() != SiteStatus.OPERATING) {
            problems.add(UserError.of(UserErrorCode.SITE_NOT_OPERATING, site.name() + " is " + site.status(), "input", "siteId"));
        }
        SiteSlot slot = siteService.slotOf(site, request.slot());
        if (slot == null) {
            problems.add(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " does not serve " + request.slot(), "input", "slot"));
        } else {
            ZonedDateTime cutoff = slot.bookingCutoffOn(request.date());
            if (!now.isBefore(cutoff.toInstant())) {
                problems.add(UserError.of(UserErrorCode.BOOKING_CLOSED,
                        "Booking closed at " + cutoff.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES), "input", "date"));
            }
        }
        SiteFulfilment fulfilment = siteService.fulfilmentOf(site, request.fulfilment());
        if (fulfilment == null) {
            problems.add(UserError.of(UserErrorCode.FULFILMENT_NOT_OFFERED, site.name() + " does not offer " + request.fulfilment(),
                    "input", "fulfilment"));
        }
        String address = request.deliveryAddress() == null ? null : request.deliveryAddress().strip();
        if (request.fulfilment() == Fulfilment.DELIVERY && (address == null || address.isEmpty())) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A delivery needs an address", "input", "deliveryAddress"));
        } else if (request.fulfilment() != Fulfilment.DELIVERY && address != null && !address.isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Only a delivery takes an address", "input", "deliveryAddress"));
        } else if (address != null && address.length() > 200) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "An address has at most 200 characters", "input", "deliveryAddress"));
        }
        QuoteFacts diner = dinerService.quoteFacts(request.dinerId(), request.date());
        if (!diner.active()) {
            problems.add(UserError.of(UserErrorCode.DINER_NOT_ACTIVE, "The diner is not ACTIVE on " + request.date(), "input", "dinerId"));
        }
        MenuView menu = problems.isEmpty() ? menuService.publishedMenu(site.id(), request.date(), request.slot()) : null;
        if (problems.isEmpty() && menu == null) {
            problems.add(UserError.of(UserErrorCode.NO_PUBLISHED_MENU, site.name() + " has published no " + request.slot() + " menu for "
                    + request.date(), "input"));
        }
        List<MenuChoices.Priced> items = menu == null ? List.of() : priced(menu, request.items(), problems);
        // the diner's allergies came with the facts above: no statement of their own
        Set<Allergen> allergens = problems.isEmpty() ? MenuChoices.allergensOf(menu, items, diner.diner().allergies()) : Set.of();
        if (!allergens.isEmpty() && !request.confirmAllergens()) {
            problems.add(UserError.of(UserErrorCode.ALLERGEN_NOT_CONFIRMED, "The dishes contain " + allergens
                    + ", which the diner is allergic to; tell the diner, then book with confirmAllergens", "input", "confirmAllergens"));
        }
        if (!problems.isEmpty()) {
            return BookingResult.failed(problems);
        }

        long priceFen = items.stream().mapToLong(item -> item.unitPriceFen() * item.quantity()).sum();
        SubsidyRules.Quote quote = quoteService.quote(diner, site.id(), request.date(), request.slot(), Money.ofFen(priceFen));

        // the booking first: its unique key answers "already booked" (no read before), and takes the diner's slot
        // before any counter, so that two bookings never wait on each other's rows crosswise
        String encryptedAddress = address == null || address.isEmpty() ? null : cipher.encrypt(address);
        String quoteJson = json.writeValueAsString(new StoredQuote(quote.shares(), quote.reasons()));
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Booking booking = null;
        for (int attempt = 0; booking == null; attempt++) {
            BookingMapper.NewBooking row = new BookingMapper.NewBooking(request.dinerId(), site.id(), menu.id(), request.date(), request.slot(),
                    request.fulfilment(), encryptedAddress, encryptedAddress == null ? null : Masking.address(address), fulfilment.fee(),
                    Money.ofFen(priceFen), Money.ofFen(quote.subsidyFen()), Money.ofFen(quote.dinerPaysFen()),
                    quote.policy() == null ? null : quote.policy().id(), quoteJson, pickupCode(), actor, recurringId, channel, callReference);
            try {
                GeneratedKey key = new GeneratedKey();
                mapper.insert(key, row, at);
                booking = row.stored(key.value(), at);
            } catch (DuplicateKeyException e) {
                if (UniqueKeys.isViolated(e, "uk_booking_pickup_code") && attempt < 5) {
                    continue;
                }
                if (UniqueKeys.isViolated(e, "uk_booking_diner_slot")) {
                    return BookingResult.failed(BookingRefusals.alreadyBooked(request));
                }
                throw e;
            }
        }
        List<BookingItem> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MenuChoices.Priced item = items.get(i);
            rows.add(new BookingItem(booking.id(), i + 1, item.dishId(), item.setMealName(), item.name(), Money.ofFen(item.unitPriceFen()),
                    item.quantity(), item.quota() != null));
        }
        mapper.insertItems(booking.id(), rows);
        if (!allergens.isEmpty()) {
            audit.record("BOOKING_ALLERGEN_CONFIRMED", "Booking", booking.id(), null, BookingAuditDetails.allergenConfirmation(request.dinerId(), allergens, items));
        }
        if (channel == BookingChannel.HOTLINE) {
            audit.record("BOOKING_MADE_ON_BEHALF", "Booking", booking.id(), null, BookingAuditDetails.onBehalf(request.dinerId(), channel, callReference));
        }
        // the request's key before the counters (IdempotencyKeys#onceClaimingLast): their rows, which every booking of the menu
        // and slot waits on, are then held from their UPDATE to the commit. A repeat stops here and answers the first booking.
        if (!resultKey.write(booking.id())) {
            return new BookingResult(booking, List.of());
        }

        // counters in one order, portions then the seat; a counter row is created only when the first taking finds none
        for (MenuChoices.Priced item : items.stream().filter(item -> item.quota() != null).sorted(Comparator.comparing(MenuChoices.Priced::ref)).toList()) {
            if (mapper.takeQuota(menu.id(), item.ref(), item.quantity(), item.quota()) == 0) {
                mapper.ensureQuotaCounter(menu.id(), item.ref());
                if (mapper.takeQuota(menu.id(), item.ref(), item.quantity(), item.quota()) == 0) {
                    return BookingResult.failed(UserError.of(UserErrorCode.QUOTA_EXHAUSTED, item.name() + " is sold out", "input", "items"));
                }
            }
        }
        // the seat last: the slot's one counter row, which every booking of the slot waits on, is held only until the commit
        if (request.fulfilment() == Fulfilment.DINE_IN && mapper.takeSeat(site.id(), request.date(), request.slot()) == 0) {
            mapper.ensureSeatCounter(site.id(), request.date(), request.slot());
            if (mapper.takeSeat(site.id(), request.date(), request.slot()) == 0) {
                return BookingResult.failed(UserError.of(UserErrorCode.SLOT_FULL,
                        "Every dine-in seat of " + site.name() + " is taken for " + request.date() + " " + request.slot(), "input", "slot"));
            }
        }
        return new BookingResult(booking, List.of());
    }

    private static List<MenuChoices.Priced> priced(MenuView menu, List<BookingItemInput> inputs, List<UserError> problems) {
        List<MenuChoices.Choice> choices = inputs == null ? null
                : inputs.stream().map(input -> new MenuChoices.Choice(input.dishId(), input.setMealName(), input.quantity())).toList();
        return MenuChoices.price(menu, choices, problems, "input", "items");
    }

    // ---------------------------------------------------------------- cancelling

    /**
     * cancelBooking: a diner's accounts before the cutoff; the site's staff (and ADMIN) while the
     * booking is BOOKED, with a reason. Frees the seat and the portions.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public BookingResult cancelBooking(CancelBookingInput input) {
        CurrentUser user = CurrentUser.get();
        Booking booking = mapper.findById(input.bookingId());
        if (booking == null || !access.mayRead(user, booking)) {
            throw new NotFoundException("Booking", input.bookingId());
        }
        boolean asStaff = access.isStaffOf(user, booking.siteId());
        String stripped = input.reason() == null ? null : input.reason().strip();
        String reason = stripped == null || stripped.isEmpty() ? null : stripped;
        BookingChannel channel = BookingChannel.of(user.roles());
        String callReference = blankToNull(input.callReference());
        if (callReference != null && !channel.staffOnBehalf()) {
            return BookingResult.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "A call reference is given by the hotline or counter staff cancelling on a diner's behalf", "input", "callReference"));
        }
        // the hotline cancels as the diner would: before the cutoff, a reason optional
        Map<String, Object> behalf = channel == BookingChannel.HOTLINE ? BookingAuditDetails.onBehalf(booking.dinerId(), channel, callReference) : Map.of();
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "cancelBooking", input.withoutKey(), outcomes,
                () -> cancel(mapper.findByIdForUpdate(booking.id()), asStaff, reason, user.username(), behalf));
    }

    /** Cancels the BOOKED bookings a recurring booking made in a pause, where their cutoff has not passed; returns how many. */
    @Transactional(isolation = Isolation.READ_COMMITTED, propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int cancelRecurringBetween(long recurringId, LocalDate from, LocalDate to, String reason) {
        int cancelled = 0;
        for (Booking booking : mapper.findBookedOfRecurring(recurringId, from, to)) {
            if (!cancel(mapper.findByIdForUpdate(booking.id()), false, reason, CurrentUser.get().username(), Map.of()).failed()) {
                cancelled++;
            }
        }
        return cancelled;
    }

    /**
     * For {@link DepartedDinerBookings}: cancels the diner's BOOKED bookings dated on or after the day given, as staff
     * would (whatever the cutoff), with the reason given; returns the bookings cancelled. Inside the caller's transaction.
     */
    List<Booking> cancelBookedOfDinerFrom(long dinerId, LocalDate from, String reason, String actor) {
        List<Booking> cancelled = new ArrayList<>();
        for (Booking booking : mapper.findBookedOfDinerFrom(dinerId, from)) {
            BookingResult result = cancel(mapper.findByIdForUpdate(booking.id()), true, reason, actor, Map.of());
            if (!result.failed()) {
                cancelled.add(result.booking());
            }
        }
        return cancelled;
    }

    private BookingResult cancel(Booking booking, boolean asStaff, String reason, String actor, Map<String, Object> behalf) {
        if (booking.status() != BookingStatus.BOOKED) {
            return BookingResult.failed(UserError.of(UserErrorCode.NOT_CANCELLABLE, "The booking is " + booking.status(), "input", "bookingId"));
        }
        if (asStaff) {
            if (reason == null) {
                return BookingResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Staff give a reason for a cancellation", "input", "reason"));
            }
        } else {
            Site site = siteService.require(booking.siteId());
            SiteSlot slot = siteService.slotOf(site, booking.slot());
            ZonedDateTime cutoff = slot == null ? booking.date().atStartOfDay(BusinessTime.ZONE) : slot.bookingCutoffOn(booking.date());
            if (!clock.instant().isBefore(cutoff.toInstant())) {
                return BookingResult.failed(UserError.of(UserErrorCode.CANCELLATION_CLOSED,
                        "Cancellations closed at " + cutoff.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES) + "; ask the site", "input",
                        "bookingId"));
            }
        }
        if (mapper.cancel(booking.id(), booking.version(), actor, reason, clock.instant()) == 0) {
            return BookingResult.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The booking changed meanwhile; read it again", "input", "bookingId"));
        }
        if (booking.fulfilment() == Fulfilment.DINE_IN) {
            mapper.releaseSeat(booking.siteId(), booking.date(), booking.slot());
        }
        for (BookingItem item : mapper.findItemsOf(List.of(booking.id())).stream().filter(BookingItem::quotaCounted)
                .sorted(Comparator.comparing(BookingItem::quotaRef)).toList()) {
            mapper.releaseQuota(booking.menuId(), item.quotaRef(), item.quantity());
        }
        // every path that cancels comes here: an advance is given back by the method it was paid with, once
        Payment refund = payments.refundBooking(booking.id(), actor);
        Booking after = mapper.findById(booking.id());
        Map<String, Object> what = new java.util.LinkedHashMap<>(behalf);
        what.put("status", after.status());
        if (reason != null) {
            what.put("reason", reason);
        }
        if (refund != null) {
            what.put("refund", Map.of("paymentId", refund.id(), "method", refund.method(), "amountFen", refund.amount().fen()));
        }
        audit.record("BOOKING_CANCELLED", "Booking", booking.id(), Map.of("status", booking.status()), what);
        return new BookingResult(after, List.of());
    }

    /** Ends BOOKED bookings whose slot is over as NO_SHOW; returns how many. Safe on several instances at once. */
    @Transactional
    public int markNoShows() {
        return mapper.markNoShows(java.time.LocalDateTime.now(clock.withZone(BusinessTime.ZONE)), clock.instant());
    }

    // ---------------------------------------------------------------- helpers

    /** Undoes whatever the transaction took (seat, portions, key) and returns the user errors. */
    private static BookingResult rolledBack(BookingResult result) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return result;
    }

    private String pickupCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

}
