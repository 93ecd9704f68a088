package org.zhucan.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.zhucan.booking.BookingStatus;
import org.zhucan.booking.CounterBooking;
import org.zhucan.booking.CounterBookings;
import org.zhucan.common.Sha256;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.device.FaceRecognition;
import org.zhucan.device.FaceTerminalService;
import org.zhucan.diner.DinerService;
import org.zhucan.menu.MenuChoices;
import org.zhucan.menu.MenuService;
import org.zhucan.menu.MenuView;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.payments.PaymentInput;
import org.zhucan.payments.PaymentService;
import org.zhucan.subsidy.QuoteService;

import static org.zhucan.serving.FieldPaths.at;

/**
 * Checking a meal before it is recorded: when it was served, whether the site was operating and
 * served the slot then (by the rules of the meal's own day), who the diner is (the booking, the
 * dinerId given, the ID card, face, meal card or QR read: all that are given must agree) and the
 * items at the menu's prices.
 */
@Component
class MealChecks {

    /** How long a counter device may keep records before uploading them. */
    static final Duration OFFLINE_WINDOW = Duration.ofDays(7);
    /** How far a device's clock may run ahead of the server's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern PICKUP_CODE = Pattern.compile("[0-9]{6}");

    private final SiteService siteService;
    private final DinerService dinerService;
    private final MenuService menuService;
    private final CounterBookings counterBookings;
    private final QuoteService quoteService;
    private final FaceTerminalService faceTerminals;
    private final Clock clock;

    MealChecks(SiteService siteService, DinerService dinerService, MenuService menuService, CounterBookings counterBookings, QuoteService quoteService,
               FaceTerminalService faceTerminals, Clock clock) {
        this.siteService = siteService;
        this.dinerService = dinerService;
        this.menuService = menuService;
        this.counterBookings = counterBookings;
        this.quoteService = quoteService;
        this.faceTerminals = faceTerminals;
        this.clock = clock;
    }

    /** A request's lookups: what it reads again and again, read once. */
    MealLookups lookups() {
        return new MealLookups(quoteService.quoter(), siteService, dinerService, menuService);
    }

    /** The meal checked and priced, with its diner as on the meal date; null with the problems added when it cannot be recorded. */
    Meal resolve(Site site, MealInput in, MealLookups lookups, List<UserError> problems, String[] path) {
        Checked checked = check(site, in, lookups, problems, path);
        return checked == null ? null : checked.withFacts(lookups);
    }

    /**
     * The meal checked and priced, its diner's facts as on the meal date left unread unless already known (read with its
     * booking): a counter meal's are read with the other meals written with it ({@link CounterMealBatches}). Null with the
     * problems added when it cannot be recorded.
     */
    Checked check(Site site, MealInput in, MealLookups lookups, List<UserError> problems, String[] path) {
        Instant now = clock.instant();
        Instant servedAt = (in.servedAt() == null ? now : in.servedAt()).truncatedTo(ChronoUnit.MICROS);
        if (servedAt.isAfter(now.plus(CLOCK_SKEW)) || servedAt.isBefore(now.minus(OFFLINE_WINDOW))) {
            problems.add(UserError.of(UserErrorCode.SERVED_AT_OUT_OF_RANGE,
                    "A meal can be recorded up to " + OFFLINE_WINDOW.toDays() + " days after it was served, and not ahead of time",
                    at(path, "servedAt")));
            return null;
        }
        LocalDate date = BusinessTime.dateOf(servedAt);
        // the site's status and slots on the meal's date: an upload days later is judged by the rules of its own day
        if (!lookups.operating(site, date, servedAt)) {
            problems.add(UserError.of(UserErrorCode.SITE_NOT_OPERATING, site.name() + " was not OPERATING when the meal was served ("
                    + BusinessTime.wallClock(servedAt) + ")", at(path, "siteId")));
        }
        SiteSlot slot = in.slot() == null ? null : lookups.slot(site, in.slot(), servedAt);
        if (slot == null) {
            problems.add(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " did not serve " + in.slot() + " on " + date,
                    at(path, "slot")));
        }
        if (!problems.isEmpty()) {
            return null;
        }

        Verified verified = verify(in.verification(), site, servedAt, problems, at(path, "verification"));
        CounterBooking served = bookingOf(site, date, in, verified, problems, path);
        if (served != null && served.dinerFacts() != null) {
            // read with the booking, on its date (the meal's: bookingOf refuses another)
            lookups.knowFacts(served.dinerId(), served.date(), served.dinerFacts());
        }
        Long dinerId = agreedDiner(served == null ? null : served.dinerId(), in.dinerId(), verified, problems, path);
        if (!problems.isEmpty()) {
            return null;
        }
        List<MenuChoices.Priced> items = priced(site, date, in.slot(), in.items(), served, lookups, problems, at(path, "items"));
        long priceFen = items.stream().mapToLong(item -> item.unitPriceFen() * item.quantity()).sum();
        if (problems.isEmpty() && in.price() != null && in.price().fen() != priceFen) {
            problems.add(UserError.of(UserErrorCode.PRICE_MISMATCH, "The menu price of the items is " + Money.ofFen(priceFen)
                    + ", not " + in.price(), at(path, "price")));
        }
        problems.addAll(PaymentService.check(in.payment(), at(path, "payment")));
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(new Meal(site, slot, lookups.knownFacts(dinerId, date), date, servedAt, served == null ? null : served.id(),
                served == null ? null : new Meal.BookingRead(served.version(), served.openAdvance()), verified.method(),
                verified.note(), items, priceFen, in.payment() == null ? PaymentInput.CASH : in.payment()), dinerId);
    }

    /** Who the verification names, and the evidence to keep with the record, for a meal at the site served at servedAt. */
    Verified verify(VerificationInput input, Site site, Instant servedAt, List<UserError> problems, String... path) {
        if (input == null || input.method() == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Say how the diner was verified", path));
            return new Verified(null, null, null);
        }
        switch (input.method()) {
            case ID_CARD -> {
                if (blank(input.idNumber())) {
                    problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "ID_CARD needs the number the device read", at(path, "idNumber")));
                    return new Verified(input.method(), null, null);
                }
                try {
                    Long dinerId = dinerService.dinerIdByIdNumber(input.idNumber().strip()).orElse(null);
                    if (dinerId == null) {
                        problems.add(UserError.of(UserErrorCode.IDENTITY_MISMATCH, "No diner is registered with this ID number", at(path, "idNumber")));
                    }
                    return new Verified(input.method(), null, dinerId);
                } catch (IdNumber.InvalidIdNumberException e) {
                    problems.add(UserError.of(UserErrorCode.INVALID_ID_NUMBER, e.getMessage(), at(path, "idNumber")));
                    return new Verified(input.method(), null, null);
                }
            }
            case FACE -> {
                // a face only when a terminal registered to this site signed the token (see FaceTerminalService)
                FaceRecognition face = faceTerminals.recognise(input.faceToken(), site.id(), servedAt, problems, at(path, "faceToken"));
                if (face == null) {
                    return new Verified(input.method(), null, null);
                }
                // the digest is the evidence, not the token; uk_meal_record_face_token reads it so a token counts for one meal (V13)
                return new Verified(input.method(), "zf1 sha256:" + Sha256.hex(input.faceToken().strip()) + " terminal " + face.terminalId()
                        + " key " + face.keyVersion(), face.dinerId());
            }
            case DINER_QR -> {
                if (blank(input.qrPayload())) {
                    problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "DINER_QR needs what the QR holds", at(path, "qrPayload")));
                    return new Verified(input.method(), null, null);
                }
                if (CounterBookings.looksLikeBookingQr(input.qrPayload().strip())) {
                    return new Verified(input.method(), null, null); // the booking it names is checked with the booking
                }
                Long dinerId = dinerService.dinerIdOfMealCard(input.qrPayload().strip()).orElse(null);
                if (dinerId == null) {
                    problems.add(UserError.of(UserErrorCode.INVALID_QR, "Not a valid meal card or booking QR", at(path, "qrPayload")));
                }
                return new Verified(input.method(), null, dinerId);
            }
            case STAFF_PROXY -> {
                if (blank(input.proxyReason()) || input.proxyReason().strip().length() > 255) {
                    problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "STAFF_PROXY needs a reason of at most 255 characters",
                            at(path, "proxyReason")));
                    return new Verified(input.method(), null, null);
                }
                return new Verified(input.method(), input.proxyReason().strip(), null);
            }
            case FAMILY_PICKUP -> {
                if (blank(input.pickedUpBy()) || input.pickedUpBy().strip().length() > 64) {
                    problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "FAMILY_PICKUP needs who picked up (at most 64 characters)",
                            at(path, "pickedUpBy")));
                    return new Verified(input.method(), null, null);
                }
                return new Verified(input.method(), input.pickedUpBy().strip(), null);
            }
            case DELIVERY -> {
                // set only by ServingService.recordDelivery, after the courier's proof was checked there
                if (blank(input.deliveryEvidence())) {
                    problems.add(UserError.of(UserErrorCode.INVALID_INPUT,
                            "DELIVERY is confirmed by the courier at the diner's home (confirmDeliveryStop), not at a counter", at(path, "method")));
                    return new Verified(input.method(), null, null);
                }
                return new Verified(input.method(), input.deliveryEvidence(), null);
            }
            default -> throw new IllegalStateException("unknown verification method " + input.method());
        }
    }

    /**
     * The booking named by the pickup code, the booking QR, or a DINER_QR that is a booking's QR (all that are given must agree),
     * with its items.
     */
    private CounterBooking bookingOf(Site site, LocalDate date, MealInput in, Verified verified, List<UserError> problems, String[] path) {
        CounterBooking found = null;
        if (in.pickupCode() != null) {
            if (!PICKUP_CODE.matcher(in.pickupCode()).matches()) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A pickup code is six digits", at(path, "pickupCode")));
                return null;
            }
            found = counterBookings.bookingOfPickupCode(site.id(), date, in.slot(), in.pickupCode());
            if (found == null) {
                problems.add(UserError.of(UserErrorCode.BOOKING_NOT_FOUND, "No booking has pickup code " + in.pickupCode() + " at " + site.name()
                        + " for " + date + " " + in.slot(), at(path, "pickupCode")));
                return null;
            }
        }
        List<String[]> qrs = new ArrayList<>();
        if (in.bookingQr() != null) {
            qrs.add(new String[] {in.bookingQr().strip(), "bookingQr"});
        }
        if (verified.method() == VerificationMethod.DINER_QR && in.verification().qrPayload() != null
                && CounterBookings.looksLikeBookingQr(in.verification().qrPayload().strip())) {
            qrs.add(new String[] {in.verification().qrPayload().strip(), "verification.qrPayload"});
        }
        for (String[] qr : qrs) {
            String[] field = qr[1].equals("bookingQr") ? at(path, "bookingQr") : at(path, "verification", "qrPayload");
            CounterBooking named = counterBookings.bookingOfQr(qr[0]);
            if (named == null) {
                problems.add(UserError.of(UserErrorCode.INVALID_QR, "Not a valid booking QR", field));
                return null;
            }
            if (named.siteId() != site.id() || !named.date().equals(date) || named.slot() != in.slot()) {
                problems.add(UserError.of(UserErrorCode.BOOKING_NOT_FOUND, "The booking is for " + named.date() + " " + named.slot()
                        + (named.siteId() == site.id() ? "" : " at another site"), field));
                return null;
            }
            if (found != null && found.id() != named.id()) {
                problems.add(UserError.of(UserErrorCode.IDENTITY_MISMATCH, "The QR and the pickup code name different bookings", field));
                return null;
            }
            found = named;
        }
        if (found != null && found.status() == BookingStatus.CANCELLED) {
            problems.add(UserError.of(UserErrorCode.BOOKING_NOT_FOUND, "The booking was cancelled", at(path, "pickupCode")));
            return null;
        }
        if (found != null && found.status() == BookingStatus.SERVED) {
            problems.add(UserError.of(UserErrorCode.ALREADY_SERVED, "The booking's meal has already been served", at(path, "pickupCode")));
            return null;
        }
        return found;
    }

    /** The one diner that the booking's diner, the dinerId given and the card read all name; null (with a problem) otherwise. */
    static Long agreedDiner(Long bookingsDiner, Long given, Verified verified, List<UserError> problems, String... path) {
        Long diner = null;
        for (Long named : new Long[] {bookingsDiner, given, verified.dinerId()}) {
            if (named == null) {
                continue;
            }
            if (diner != null && !diner.equals(named)) {
                problems.add(UserError.of(UserErrorCode.IDENTITY_MISMATCH,
                        "The booking, the diner given and the card or QR read must be the same diner", at(path, "dinerId")));
                return null;
            }
            diner = named;
        }
        if (diner == null && problems.isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Give a booking, a diner, or an ID card or meal card read", at(path, "dinerId")));
        }
        return diner;
    }

    /** The items at the menu's prices; a booking's own items when none are given. */
    List<MenuChoices.Priced> priced(Site site, LocalDate date, MealSlot slot, List<MealItemInput> inputs, CounterBooking booking,
                                    MealLookups lookups, List<UserError> problems, String... path) {
        if ((inputs == null || inputs.isEmpty()) && booking != null) {
            return booking.items().stream().map(item -> new MenuChoices.Priced(item.quotaRef(), item.dishId(), item.setMealName(), item.name(),
                    item.unitPrice().fen(), item.quantity(), null)).toList();
        }
        MenuView menu = lookups.menu(site, date, slot);
        if (menu == null) {
            problems.add(UserError.of(UserErrorCode.NO_PUBLISHED_MENU, site.name() + " has published no " + slot + " menu for " + date, path));
            return List.of();
        }
        List<MenuChoices.Choice> choices = inputs == null ? null
                : inputs.stream().map(input -> new MenuChoices.Choice(input.dishId(), input.setMealName(), input.quantity())).toList();
        return MenuChoices.price(menu, choices, problems, path);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A checked meal and its diner, whose facts the meal holds once they are read ({@link Meal#diner} null until then). */
    record Checked(Meal meal, long dinerId) {

        /** The meal with its diner's facts, read by this request if not known. */
        Meal withFacts(MealLookups lookups) {
            return meal.diner() != null ? meal : meal.withDiner(lookups.facts(dinerId, meal.date()));
        }
    }

    record Verified(VerificationMethod method, String note, Long dinerId) {
    }
}
