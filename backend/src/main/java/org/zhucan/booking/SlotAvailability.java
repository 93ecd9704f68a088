package org.zhucan.booking;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.network.MealSlot;

/** A slot's seats and quotas left for a date: what a family sees before booking. */
public record SlotAvailability(long siteId, LocalDate date, MealSlot slot, int seats, int seatsTaken, int seatsLeft,
                               java.time.OffsetDateTime bookingClosesAt, boolean open, List<QuotaLeft> quotas) {
}
