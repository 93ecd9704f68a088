package org.zhucan.delivery;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/** A courier's run (配送单): a staff account ({@code courierUsername}) or a volunteer, never both. */
public record DeliveryRun(long id, long siteId, LocalDate date, MealSlot slot, String courierUsername, Long volunteerId, int capacity,
                          String createdBy, Instant createdAt) {
}
