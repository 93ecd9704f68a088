package org.zhucan.satisfaction;

/**
 * How many ratings, and the sum of their scores: what averages are made of. Sums rather than
 * averages so that tallies of days or sites add up exactly into a month's or an operator's.
 */
public record RatingTally(int count, long scoreSum) {

    public static final RatingTally NONE = new RatingTally(0, 0);

    /** The exact mean score, unrounded; null when nothing was rated. */
    public Double average() {
        return count == 0 ? null : (double) scoreSum / count;
    }

    public RatingTally plus(RatingTally other) {
        return new RatingTally(count + other.count, scoreSum + other.scoreSum);
    }
}
