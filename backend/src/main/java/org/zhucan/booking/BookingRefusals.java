package org.zhucan.booking;

import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.network.Site;

/** The user errors a booking is refused with before anything is taken. */
final class BookingRefusals {

    private BookingRefusals() {
    }

    /** A central kitchen cooks for other sites: nobody books a meal there. */
    static UserError kitchenOnly(Site site) {
        return UserError.of(UserErrorCode.KITCHEN_ONLY_SITE, site.name() + " is a central kitchen and takes no bookings", "input", "siteId");
    }

    static UserError alreadyBooked(BookingRequest request) {
        return UserError.of(UserErrorCode.ALREADY_BOOKED, "The diner already has a booking for " + request.date() + " " + request.slot(),
                "input", "date");
    }
}
