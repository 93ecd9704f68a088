package org.zhucan.booking;

import jakarta.validation.constraints.Size;

/** What cancelBooking takes; the hotline may give its call reference, kept in the audit row. */
public record CancelBookingInput(String idempotencyKey, long bookingId, @Size(max = 255) String reason, @Size(max = 64) String callReference) {

    CancelBookingInput withoutKey() {
        return new CancelBookingInput(null, bookingId, reason, callReference);
    }
}
