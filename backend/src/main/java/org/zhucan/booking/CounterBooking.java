package org.zhucan.booking;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.diner.QuoteFacts;
import org.zhucan.network.MealSlot;
import org.zhucan.payments.Payment;

/**
 * A booking as the counter finds it to serve, read together in one statement: what serving uses of the booking, its items
 * in position order, its open advance (paid, no meal yet, not refunded), null when it has none, and its diner's facts on
 * its date, null when the caller's scope does not reach every diner (DinerService#quoteFactsOf; the counter then reads them
 * itself). The advance holds for the write as long as the booking's version does ({@link CounterBookings#markAllServed}).
 */
public record CounterBooking(long id, long dinerId, long siteId, LocalDate date, MealSlot slot, BookingStatus status, String pickupCode,
                             int version, List<BookingItem> items, Payment openAdvance, QuoteFacts dinerFacts) {
}
