package org.zhucan.satisfaction;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/**
 * A rating as stored: one per meal record, its site, operator, date and slot copied from the record.
 * The diner and the account that rated stay on the server: the schema exposes neither, so staff
 * read ratings anonymously; it says only whether staff entered it on the diner's behalf.
 *
 * @param revision 1 at first, one more each time the rating is replaced
 * @param channel how it was given the last time: the mini-program, or staff at the counter or the hotline
 * @param callReference the hotline's or counter's reference for the call, when staff gave one
 */
public record MealRating(long id, long mealRecordId, long dinerId, long siteId, long operatorId, LocalDate date, MealSlot slot, int score,
                         String comment, String ratedBy, Instant ratedAt, int revision, RatingChannel channel, String callReference) {

    /** Whether staff (the hotline or counter staff) entered it for the diner. */
    public boolean onBehalf() {
        return channel != RatingChannel.MINI_PROGRAM;
    }
}
