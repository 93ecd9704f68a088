package org.zhucan.booking;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.network.MealSlot;

/** A slot's bookings for a date, with counts per dish and fulfilment: the kitchen's view. */
public record SlotBookings(long siteId, LocalDate date, MealSlot slot, int bookedCount, List<BookingMapper.ItemCountRow> itemCounts,
                           List<BookingMapper.FulfilmentCountRow> fulfilmentCounts, List<Booking> deliveries, List<Booking> bookings) {
}
