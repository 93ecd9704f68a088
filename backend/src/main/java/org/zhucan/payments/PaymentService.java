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
import org.zhucan.common.time.BusinessTime;

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

    PaymentService(PaymentMapper mapper, Clock clock) {
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
     * prepaid balance does not cover its meals (the caller rolls its savepoint back and says so).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean chargeMeals(List<MealCharge> charges) {
        if (charges.isEmpty()) {
            return true;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Long, Long> prepaidByDiner = new LinkedHashMap<>();
        List<PaymentMapper.NewPayment> rows = new ArrayList<>();
        for (MealCharge charge : charges) {
            PaymentInput given = charge.payment() == null ? PaymentInput.CASH : charge.payment();
            PaymentMethod method = charge.amountFen() == 0 ? PaymentMethod.FREE : given.method();
            String reference = method.online() ? given.externalReference().strip() : null;
            rows.add(new PaymentMapper.NewPayment(PaymentKind.CHARGE, method, charge.amountFen(), charge.siteId(), charge.dinerId(),
                    charge.mealRecordId(), reference, null, charge.takenBy(), charge.takenAt(), charge.date()));
            if (method == PaymentMethod.PREPAID) {
                prepaidByDiner.merge(charge.dinerId(), charge.amountFen(), Long::sum);
            }
        }
        // diners in id order, as every writer of balances takes them: two batches never wait on each other crosswise
        for (Map.Entry<Long, Long> diner : prepaidByDiner.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (mapper.takeFromBalance(diner.getKey(), diner.getValue(), now) != 1) {
                return false;
            }
        }
        mapper.insertPayments(rows);
        List<PaymentMapper.NewEntry> entries = rows.stream().filter(row -> row.method == PaymentMethod.PREPAID)
                .map(row -> new PaymentMapper.NewEntry(row.dinerId, PrepaidEntryKind.MEAL, -row.amountFen, null, null, row.id(), row.siteId, null, null,
                        row.takenBy, now)).toList();
        if (!entries.isEmpty()) {
            mapper.insertEntries(entries);
        }
        return true;
    }

    /**
     * Refunds the charge of a voided meal record by the method it was paid with (a prepaid one back to the
     * balance), in the caller's transaction; nothing when the record was never charged (recorded before
     * payments were). The unique keys refuse a second refund of one charge.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundMeal(long mealRecordId, String actor) {
        Payment charge = mapper.findChargeOf(mealRecordId);
        if (charge == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // refunded today: a refund of a closed day's meal goes to the day it is handed back
        PaymentMapper.NewPayment refund = new PaymentMapper.NewPayment(PaymentKind.REFUND, charge.method(), -charge.amount().fen(), charge.siteId(),
                charge.dinerId(), mealRecordId, charge.externalReference(), charge.id(), actor, now, BusinessTime.today(clock));
        mapper.insertPayments(List.of(refund));
        if (charge.method() == PaymentMethod.PREPAID) {
            mapper.addToBalance(charge.dinerId(), charge.amount().fen(), now);
            mapper.insertEntries(List.of(new PaymentMapper.NewEntry(charge.dinerId(), PrepaidEntryKind.REFUND, charge.amount().fen(), null, null,
                    refund.id(), charge.siteId(), null, null, actor, now)));
        }
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
