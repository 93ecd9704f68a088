package org.zhucan.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.BatchedStatements;
import org.zhucan.common.sql.RoundTrips;
import org.zhucan.common.time.BusinessTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment of each meal record, called by serving inside the transaction that writes or reverses the
 * record: a charge of the diner's share when it is recorded, a refund by the same method when it is
 * voided (a correction is a void and a new record, so the two rows net to the difference). Meals not
 * paid from a prepaid balance cost one multi-row INSERT per request, however many meals it records;
 * prepaid ones take from the balance with a conditional UPDATE that refuses to go below zero.
 */
@Service
public class PaymentService {

    private final PaymentMapper mapper;
    private final Clock clock;
    private final BatchedStatements batches;
    private final JsonMapper json;

    PaymentService(PaymentMapper mapper, Clock clock, BatchedStatements batches, JsonMapper json) {
        this.batches = batches;
        this.json = json;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Whether the counter's payment input can be taken as given; the user errors under {@code path} when not. */
    public static List<UserError> check(PaymentInput payment, String... path) {
        if (payment == null) {
            return List.of();
        }
        String[] methodPath = append(path, "method");
        String[] referencePath = append(path, "externalReference");
        List<UserError> problems = new ArrayList<>();
        if (payment.method() == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Say how the diner paid", methodPath));
        } else if (payment.method() == PaymentMethod.FREE) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT,
                    "FREE is not chosen: it is recorded when the diner's share comes to 0.00; say how the diner paid", methodPath));
        } else if (payment.method().online() && (payment.externalReference() == null || payment.externalReference().isBlank())) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A " + payment.method() + " payment needs the provider's transaction reference",
                    referencePath));
        } else if (!payment.method().online() && payment.externalReference() != null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Only WECHAT and ALIPAY payments carry a provider reference", referencePath));
        }
        if (payment.externalReference() != null && payment.externalReference().strip().length() > 64) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A reference has at most 64 characters", referencePath));
        }
        return problems;
    }

    /**
     * Charges the meals just recorded, in the caller's transaction: false, with nothing of it written, when a
     * prepaid balance does not cover its meals (the caller rolls its savepoint back and says so). A meal booked
     * and paid in advance is not charged again: an advance of the meal's share becomes the record's charge; one of
     * another amount (a price or policy changed, other dishes) is refunded and the meal charged by the same method,
     * as a correction nets to the difference. The caller has marked the bookings served first, so that their rows
     * are held: an advance paid meanwhile is seen here, and none is paid after. An advance the caller read with its
     * booking and marked at that version ({@link MealCharge#advance}) is taken as read, without reading it again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean chargeMeals(List<MealCharge> charges) {
        if (charges.isEmpty()) {
            return true;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Long, Payment> advances = new java.util.HashMap<>();
        charges.stream().filter(charge -> charge.bookingId() != null && charge.advance() != null && charge.advance().open() != null)
                .forEach(charge -> advances.put(charge.bookingId(), charge.advance().open()));
        List<Long> unread = charges.stream().filter(charge -> charge.bookingId() != null && charge.advance() == null).map(MealCharge::bookingId)
                .toList();
        if (!unread.isEmpty()) {
            mapper.findOpenAdvances(unread).forEach(advance -> advances.put(advance.bookingId(), advance));
        }
        // what each diner's balance moves by: meals taken less advances given back, so each balance moves once
        Map<Long, Long> prepaidByDiner = new LinkedHashMap<>();
        List<PaymentMapper.NewPayment> rows = new ArrayList<>();
        List<PaymentMapper.NewPayment> refunds = new ArrayList<>();
        Map<Long, Long> links = new LinkedHashMap<>();
        for (MealCharge charge : charges) {
            Payment advance = charge.bookingId() == null ? null : advances.get(charge.bookingId());
            if (advance != null && advance.amount().fen() == charge.amountFen()) {
                links.put(advance.id(), charge.mealRecordId());
                continue;
            }
            PaymentInput given = given(charge);
            if (advance != null) {
                refunds.add(refundRow(advance, null, charge.takenBy(), now, charge.date()));
                if (advance.method() == PaymentMethod.PREPAID) {
                    prepaidByDiner.merge(charge.dinerId(), -advance.amount().fen(), Long::sum);
                }
                if (advance.method() != PaymentMethod.FREE) {
                    given = new PaymentInput(advance.method(), advance.externalReference());
                }
            }
            PaymentMethod method = chargedBy(charge.amountFen(), given);
            rows.add(new PaymentMapper.NewPayment(PaymentKind.CHARGE, method, charge.amountFen(), charge.siteId(), charge.dinerId(),
                    charge.mealRecordId(), null, reference(method, given), null, charge.takenBy(), charge.takenAt(), charge.date()));
            if (method == PaymentMethod.PREPAID) {
                prepaidByDiner.merge(charge.dinerId(), charge.amountFen(), Long::sum);
            }
        }
        // diners in id order, as every writer of balances takes them: two batches never wait on each other crosswise
        for (Map.Entry<Long, Long> diner : prepaidByDiner.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (diner.getValue() > 0 && mapper.takeFromBalance(diner.getKey(), diner.getValue(), now) != 1) {
                return false;
            } else if (diner.getValue() < 0) {
                mapper.addToBalance(diner.getKey(), -diner.getValue(), now);
            }
        }
        for (Map.Entry<Long, Long> link : links.entrySet()) {
            if (mapper.linkAdvance(link.getKey(), link.getValue()) != 1) {
                throw new IllegalStateException("advance payment " + link.getKey() + " paid another meal meanwhile");
            }
        }
        List<PaymentMapper.NewEntry> entries = new ArrayList<>();
        batches.run(PaymentMapper.class, batch -> {
            refunds.forEach(batch::insertPayment);
            rows.forEach(batch::insertPayment);
        });
        refunds.stream().filter(row -> row.method == PaymentMethod.PREPAID).forEach(row -> entries.add(refundEntry(row, now)));
        rows.stream().filter(row -> row.method == PaymentMethod.PREPAID)
                .forEach(row -> entries.add(new PaymentMapper.NewEntry(row.dinerId, PrepaidEntryKind.MEAL, -row.amountFen, null, null, row.id(),
                        row.siteId, null, null, row.takenBy, now)));
        if (!entries.isEmpty()) {
            batches.run(PaymentMapper.class, batch -> entries.forEach(batch::insertEntry));
        }
        return true;
    }

    /**
     * {@link #chargeMeals} added to the caller's round trip, sent with its other writes, when every charge is a plain one:
     * nothing to take from a prepaid balance, and no advance of its booking to take or refund (none was open when the
     * caller read the booking, at the version it marks it served at). Null otherwise, with nothing added: the caller then
     * sends its trip (its bookings marked first, as {@link #chargeMeals} asks) and calls {@link #chargeMeals}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RoundTrips.Part chargeMeals(List<MealCharge> charges, RoundTrips.Trip trip) {
        if (charges.isEmpty() || !charges.stream().allMatch(PaymentService::plain)) {
            return null;
        }
        return trip.add(PaymentMapper.class, "insertChargesOf", Map.of("charges", MealChargeRows.json(json, charges)),
                rows -> rows == charges.size());
    }

    private static boolean plain(MealCharge charge) {
        boolean noAdvance = charge.bookingId() == null || charge.advance() != null && charge.advance().open() == null;
        return noAdvance && chargedBy(charge.amountFen(), given(charge)) != PaymentMethod.PREPAID;
    }

    /** How the counter says the diner paid: cash when it does not say. */
    static PaymentInput given(MealCharge charge) {
        return charge.payment() == null ? PaymentInput.CASH : charge.payment();
    }

    /** The method a charge is recorded with: FREE when the diner's share is 0.00, whatever was said. */
    static PaymentMethod chargedBy(long amountFen, PaymentInput given) {
        return amountFen == 0 ? PaymentMethod.FREE : given.method();
    }

    /** The provider's reference an online charge carries; none for any other. */
    static String reference(PaymentMethod method, PaymentInput given) {
        return method.online() ? given.externalReference().strip() : null;
    }

    /**
     * Refunds the charge of a voided meal record by the method it was paid with (a prepaid one back to the
     * balance), in the caller's transaction; nothing when the record was never charged (recorded before
     * payments were). The unique keys refuse a second refund of one charge. A charge that was a booking's
     * advance is refunded on its booking too: the booking shows it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundMeal(long mealRecordId, String actor) {
        Payment charge = mapper.findChargeOf(mealRecordId);
        if (charge != null) {
            // refunded today: a refund of a closed day's meal goes to the day it is handed back
            refund(charge, mealRecordId, actor);
        }
    }

    // ---------------------------------------------------------------- bookings paid in advance

    /** A booking's advance, refunded or not; null when it was never paid in advance. For the booking, under its row lock. */
    @BypassesCallerScope(usedBy = "booking")
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment advanceOf(long bookingId) {
        return mapper.findAdvanceOf(bookingId);
    }

    /**
     * Takes a booking's share in advance, in the caller's transaction (which holds the booking's row): a CHARGE of the
     * booking, FREE when the share is 0.00, from the prepaid balance when PREPAID. Null, with nothing written, when
     * the balance does not cover it. The caller has checked the input ({@link #check}) and the amount.
     */
    @BypassesCallerScope(usedBy = "booking")
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment chargeBooking(long bookingId, long siteId, long dinerId, long amountFen, PaymentInput given, String takenBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PaymentMethod method = amountFen == 0 ? PaymentMethod.FREE : given.method();
        if (method == PaymentMethod.PREPAID && mapper.takeFromBalance(dinerId, amountFen, now) != 1) {
            return null;
        }
        String reference = method.online() ? given.externalReference().strip() : null;
        PaymentMapper.NewPayment row = new PaymentMapper.NewPayment(PaymentKind.CHARGE, method, amountFen, siteId, dinerId, null, bookingId,
                reference, null, takenBy, now, BusinessTime.today(clock));
        mapper.insertPayment(row);
        if (method == PaymentMethod.PREPAID) {
            mapper.insertEntry(new PaymentMapper.NewEntry(dinerId, PrepaidEntryKind.MEAL, -amountFen, null, null, row.id(), siteId, null,
                    null, takenBy, now));
        }
        return mapper.findById(row.id());
    }

    /**
     * Gives a cancelled booking's advance back by the method it was paid with, in the caller's transaction: to the
     * prepaid balance, as an online refund with the payment's reference, or as cash handed back today at the
     * booking's site by whoever took it (its cash close, or the next open one, takes it in). Null when there is nothing to give back:
     * never paid, or refunded already (the unique keys refuse a second refund, whichever instance asks).
     */
    @BypassesCallerScope(usedBy = "booking")
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment refundBooking(long bookingId, String actor) {
        List<Payment> open = mapper.findOpenAdvances(List.of(bookingId));
        if (open.isEmpty()) {
            return null;
        }
        Payment advance = open.get(0);
        // cash is handed back by the staff member who took it (only the site's staff take cash): their expected cash of
        // the day goes down by it, whoever cancelled (the family, the hotline, the departure of the diner)
        return refund(advance, null, advance.method() == PaymentMethod.CASH ? advance.takenBy() : actor);
    }

    /** The payments of bookings the caller has already been shown (advances and their refunds), in one statement. */
    @BypassesCallerScope(usedBy = "booking")
    @Transactional(readOnly = true)
    public Map<Long, List<Payment>> ofBookings(Collection<Long> bookingIds) {
        return Batches.group(bookingIds, bookingIds.isEmpty() ? List.of() : mapper.findByBookings(bookingIds), Payment::bookingId);
    }

    /** A payment by id, for a repeated request's answer. */
    @BypassesCallerScope(usedBy = "booking")
    @Transactional(readOnly = true)
    public Payment payment(long id) {
        return mapper.findById(id);
    }

    private Payment refund(Payment charge, Long mealRecordId, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PaymentMapper.NewPayment refund = refundRow(charge, mealRecordId, actor, now, BusinessTime.today(clock));
        mapper.insertPayment(refund);
        if (charge.method() == PaymentMethod.PREPAID) {
            mapper.addToBalance(charge.dinerId(), charge.amount().fen(), now);
            mapper.insertEntry(refundEntry(refund, now));
        }
        return mapper.findById(refund.id());
    }

    private static PaymentMapper.NewPayment refundRow(Payment charge, Long mealRecordId, String actor, Instant now, java.time.LocalDate cashDate) {
        return new PaymentMapper.NewPayment(PaymentKind.REFUND, charge.method(), -charge.amount().fen(), charge.siteId(), charge.dinerId(),
                mealRecordId, charge.bookingId(), charge.externalReference(), charge.id(), actor, now, cashDate);
    }

    private static PaymentMapper.NewEntry refundEntry(PaymentMapper.NewPayment refund, Instant now) {
        return new PaymentMapper.NewEntry(refund.dinerId, PrepaidEntryKind.REFUND, -refund.amountFen, null, null, refund.id(), refund.siteId, null,
                null, refund.takenBy, now);
    }

    /**
     * How a meal record was paid, for its correction's new record: the same method and reference (a record
     * that cost nothing, or was never charged, is taken as cash, as a meal logged without a payment is).
     */
    @BypassesCallerScope(usedBy = "serving")
    @Transactional(readOnly = true)
    public PaymentInput paidWith(long mealRecordId) {
        Payment charge = mapper.findChargeOf(mealRecordId);
        return charge == null || charge.method() == PaymentMethod.FREE ? PaymentInput.CASH : new PaymentInput(charge.method(), charge.externalReference());
    }

    /** The payments of meal records the caller has already been shown, in one statement. */
    @BypassesCallerScope(usedBy = "serving")
    @Transactional(readOnly = true)
    public Map<Long, List<Payment>> ofMealRecords(Collection<Long> mealRecordIds) {
        return Batches.group(mealRecordIds, mealRecordIds.isEmpty() ? List.of() : mapper.findByMealRecords(mealRecordIds), Payment::mealRecordId);
    }

    private static String[] append(String[] path, String last) {
        String[] full = java.util.Arrays.copyOf(path, path.length + 1);
        full[path.length] = last;
        return full;
    }
}
