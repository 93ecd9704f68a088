package org.zhucan.booking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.payments.Payment;
import org.zhucan.payments.PaymentInput;
import org.zhucan.payments.PaymentMethod;
import org.zhucan.payments.PaymentService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Paying a booking in advance (预付): a mutation of its own after bookMeal, because the mini-program pays through
 * WeChat or Alipay only once the booking exists and its share is known, and gets the provider's reference back
 * from the provider, not from us. The amount is the share the booking was quoted at (the subsidy rules the meal
 * record uses, stored with the booking): the payer states it and a different one is refused, so nobody pays a
 * price they were not shown. The booking's row is locked first, as cancelling and serving it lock it, so an
 * advance is never taken from a booking being cancelled or served. Its refund on cancellation is
 * BookingService's; how a served meal uses it is PaymentService's.
 */
@Service
public class BookingPayments {

    private final BookingMapper mapper;
    private final BookingAccess access;
    private final PaymentService payments;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditService audit;
    private final IdempotencyKeys.Outcomes<PayBookingPayload> outcomes;

    BookingPayments(BookingMapper mapper, BookingAccess access, PaymentService payments, IdempotencyKeys idempotencyKeys, AuditService audit) {
        this.mapper = mapper;
        this.access = access;
        this.payments = payments;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.outcomes = new IdempotencyKeys.Outcomes<>(PayBookingPayload::failed, this::repeated,
                payload -> payload.isFailed() ? null : payload.payment().id());
    }

    /**
     * payBooking: the site's staff take any method at the counter; the diner's family (a DINER account acting for
     * the diner) pays online or from the prepaid balance. Anyone else who may read the booking is refused.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public PayBookingPayload payBooking(PayBookingInput input) {
        CurrentUser user = CurrentUser.get();
        Booking booking = mapper.findById(input.bookingId());
        if (booking == null || !access.mayRead(user, booking)) {
            throw new NotFoundException("Booking", input.bookingId());
        }
        boolean staff = access.isStaffOf(user, booking.siteId());
        boolean family = user.roles().contains(Role.DINER) && !user.roles().contains(Role.HOTLINE);
        if (!staff && !(family && (input.method() == PaymentMethod.PREPAID || input.method() == PaymentMethod.WECHAT
                || input.method() == PaymentMethod.ALIPAY))) {
            throw new AccessDeniedException("a booking is paid in advance to the site's staff, or by the diner's family online or from the prepaid balance");
        }
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "payBooking", input.withoutKey(), outcomes,
                () -> pay(input, user.username()));
    }

    /** For the demo world: pays as the account named, which the demo data has already chosen. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    PayBookingPayload payAs(PayBookingInput input, String actor) {
        return pay(input, actor);
    }

    private PayBookingPayload pay(PayBookingInput input, String actor) {
        Booking booking = mapper.findByIdForUpdate(input.bookingId());
        if (booking.status() != BookingStatus.BOOKED) {
            return PayBookingPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION,
                    "The booking is " + booking.status() + "; only a BOOKED booking is paid in advance", "input", "bookingId"));
        }
        if (payments.advanceOf(booking.id()) != null) {
            return PayBookingPayload.failed(UserError.of(UserErrorCode.ALREADY_PAID, "The booking was paid in advance already", "input", "bookingId"));
        }
        long share = booking.dinerPays().fen();
        if (input.amount() == null || input.amount().fen() != share) {
            return PayBookingPayload.failed(UserError.of(UserErrorCode.PRICE_MISMATCH,
                    "The diner's share of this booking is " + booking.dinerPays() + " (the delivery fee is not paid in advance)", "input", "amount"));
        }
        PaymentInput given = new PaymentInput(input.method(), input.externalReference());
        if (share == 0 && input.method() == PaymentMethod.FREE) {
            given = new PaymentInput(PaymentMethod.FREE, null);
        } else {
            List<UserError> problems = PaymentService.check(given, "input");
            if (!problems.isEmpty()) {
                return PayBookingPayload.failed(problems);
            }
        }
        Payment paid = payments.chargeBooking(booking.id(), booking.siteId(), booking.dinerId(), share, given, actor);
        if (paid == null) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return PayBookingPayload.failed(UserError.of(UserErrorCode.INSUFFICIENT_BALANCE,
                    "The diner's prepaid balance does not cover the diner's share of this booking; top it up or pay another way", "input", "method"));
        }
        // the version moves with the payment: a counter that read the booking without its advance writes no meal on that reading
        mapper.touch(booking.id(), paid.takenAt());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("dinerId", booking.dinerId());
        what.put("paymentId", paid.id());
        what.put("method", paid.method());
        what.put("amountFen", paid.amount().fen());
        if (paid.externalReference() != null) {
            what.put("externalReference", paid.externalReference());
        }
        audit.record("BOOKING_PAID", "Booking", booking.id(), null, what);
        // the booking as read under its lock: paying changed its version (not shown to clients) and nothing else
        return new PayBookingPayload(booking, paid, List.of());
    }

    private PayBookingPayload repeated(long paymentId) {
        Payment paid = payments.payment(paymentId);
        return new PayBookingPayload(mapper.findById(paid.bookingId()), paid, List.of());
    }

    /** The advances and refunds of bookings the caller has been shown. */
    Map<Long, List<Payment>> ofBookings(java.util.Collection<Long> bookingIds) {
        return payments.ofBookings(bookingIds);
    }
}
