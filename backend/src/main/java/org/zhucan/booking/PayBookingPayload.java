package org.zhucan.booking;

import java.util.List;

import org.zhucan.common.error.UserError;
import org.zhucan.payments.Payment;

/** The booking with its advance, or why it was not taken. */
public record PayBookingPayload(Booking booking, Payment payment, List<UserError> userErrors) {

    static PayBookingPayload failed(UserError error) {
        return new PayBookingPayload(null, null, List.of(error));
    }

    static PayBookingPayload failed(List<UserError> errors) {
        return new PayBookingPayload(null, null, List.copyOf(errors));
    }

    boolean isFailed() {
        return !userErrors.isEmpty();
    }
}
