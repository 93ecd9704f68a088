package org.zhucan.booking;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.payments.Payment;

/** GraphQL mappings of bookings paid in advance: payBooking and each booking's advance payments, batched. */
@Controller
class BookingPaymentsController {

    private final BookingPayments bookingPayments;

    BookingPaymentsController(BookingPayments bookingPayments) {
        this.bookingPayments = bookingPayments;
    }

    @MutationMapping
    PayBookingPayload payBooking(@Argument @Valid PayBookingInput input) {
        return bookingPayments.payBooking(input);
    }

    @BatchMapping(typeName = "Booking", field = "advancePayments")
    Map<Booking, List<Payment>> advancePayments(List<Booking> bookings) {
        return Batches.perParent(bookings, Booking::id, bookingPayments.ofBookings(Batches.keys(bookings, Booking::id)));
    }
}
