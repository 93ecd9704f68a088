package org.zhucan.satisfaction;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A site's ratings of a month, made only by {@link SatisfactionService#siteRatings} once the caller's
 * scope is checked: the fields resolved later (tags, the operator's figures, the ratings) read
 * through it and so never for a site the caller may not see.
 *
 * @param operatorId the site's current operator, whose sites' ratings {@code operator} sums
 */
public record SiteRatings(long siteId, long operatorId, YearMonth month, int ratingCount, Double averageScore, List<ScoreCount> scoreCounts) {

    public LocalDate from() {
        return month.atDay(1);
    }

    public LocalDate to() {
        return month.atEndOfMonth();
    }

    public record ScoreCount(int score, int count) {
    }

    public record TagCount(RatingTag tag, int count) {
    }

    public record OperatorRatings(long operatorId, int ratingCount, Double averageScore) {
    }
}
