package org.zhucan.booking;

import jakarta.validation.constraints.Size;

/** What cancelBooking takes. */
public record CancelBookingInput(String idempotencyKey, long bookingId, @Size(max = 255) String reason) {

    CancelBookingInput withoutKey() {
        return new CancelBookingInput(null, bookingId, reason);
    }
}
