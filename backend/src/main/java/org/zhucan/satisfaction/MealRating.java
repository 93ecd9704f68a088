package org.zhucan.satisfaction;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/**
 * A rating as stored: one per meal record, its site, operator, date and slot copied from the record.
 * The diner and the account that rated stay on the server: the schema exposes neither, so staff
 * read ratings anonymously.
 *
 * @param revision 1 at first, one more each time the rating is replaced
 */
public record MealRating(long id, long mealRecordId, long dinerId, long siteId, long operatorId, LocalDate date, MealSlot slot, int score,
                         String comment, String ratedBy, Instant ratedAt, int revision) {
}
