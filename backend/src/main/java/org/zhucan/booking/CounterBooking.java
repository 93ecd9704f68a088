package org.zhucan.booking;

import java.util.List;

/** A booking as the counter finds it to serve: the booking with its items, in position order, read together. */
public record CounterBooking(Booking booking, List<BookingItem> items) {
}
