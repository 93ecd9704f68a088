package org.zhucan.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.network.MealSlot;

@Mapper
interface SatisfactionMapper {

    /**
     * Inserts the meal's rating, or replaces its score and comment and raises its revision: either
     * way the row stays locked until the transaction ends, so concurrent ratings of one meal take turns.
     */
    void upsert(@Param("r") NewRating rating);

    MealRating findByMealRecordId(@Param("mealRecordId") long mealRecordId);

    /** The rating, locked until the transaction ends; null when the meal has none yet. */
    MealRating findByMealRecordIdForUpdate(@Param("mealRecordId") long mealRecordId);

    List<MealRating> findByMealRecordIds(@Param("ids") Collection<Long> mealRecordIds);

    void deleteTags(@Param("ratingId") long ratingId);

    void deleteRating(@Param("ratingId") long ratingId);

    void insertTags(@Param("ratingId") long ratingId, @Param("tags") Collection<RatingTag> tags);

    List<RatingTagRow> findTagsOf(@Param("ids") Collection<Long> ratingIds);

    /** Per score given, how many ratings of the site's meals served in the range gave it. */
    List<SiteRatings.ScoreCount> scoreCounts(@Param("siteId") long siteId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Per tag carried, how many ratings of the site's meals served in the range carried it, most frequent first. */
    List<SiteRatings.TagCount> tagCounts(@Param("siteId") long siteId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    RatingTally operatorTally(@Param("operatorId") long operatorId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** A page of the site's ratings in the range, most recently given first, after the position given (both null on the first page). */
    List<MealRating> findSitePage(@Param("siteId") long siteId, @Param("from") LocalDate from, @Param("to") LocalDate to,
                                  @Param("afterRatedAt") Instant afterRatedAt, @Param("afterId") Long afterId, @Param("limit") int limit);

    List<OperatorTallyRow> tallyByOperator(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    List<DayTallyRow> tallyByDay(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    record NewRating(long mealRecordId, long dinerId, long siteId, long operatorId, LocalDate date, MealSlot slot, int score, String comment,
                     String ratedBy, Instant ratedAt, RatingChannel channel, String callReference) {
    }

    record RatingTagRow(long ratingId, RatingTag tag) {
    }

    void adjustTally(@Param("d") TallyDifference difference);

    int deleteTallies(@Param("from") LocalDate from, @Param("to") LocalDate to);

    int computeTallies(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /** What one rating changes in its site's day (meal_rating_tally): each count and sum by how much. */
    record TallyDifference(long siteId, LocalDate date, long operatorId, int ratings, long scoreSum, int counterRatings, long counterScoreSum) {

        /** What a rating adds (sign 1) or takes away (sign -1). */
        static TallyDifference of(MealRating rating, int sign) {
            boolean counter = rating.channel() == RatingChannel.COUNTER;
            return new TallyDifference(rating.siteId(), rating.date(), rating.operatorId(), sign, (long) sign * rating.score(),
                    counter ? sign : 0, counter ? (long) sign * rating.score() : 0);
        }

        /** This difference followed by another of the same site, day and operator. */
        TallyDifference plus(TallyDifference other) {
            return new TallyDifference(siteId, date, operatorId, ratings + other.ratings, scoreSum + other.scoreSum,
                    counterRatings + other.counterRatings, counterScoreSum + other.counterScoreSum);
        }
    }

    record OperatorTallyRow(long operatorId, int count, long scoreSum) {
    }

    record DayTallyRow(LocalDate date, int count, long scoreSum) {
    }
}
