package org.zhucan.booking;

import java.util.List;

import org.zhucan.common.error.UserError;

public record BookingResult(Booking booking, List<UserError> userErrors) {

    /** The recurring job found the date booked already: nothing to do. */
    static final BookingResult ALREADY_MATERIALISED = new BookingResult(null, List.of());

    static BookingResult failed(UserError error) {
        return new BookingResult(null, List.of(error));
    }

    static BookingResult failed(List<UserError> errors) {
        return new BookingResult(null, List.copyOf(errors));
    }

    boolean failed() {
        return !userErrors.isEmpty();
    }
}
