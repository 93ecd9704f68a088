package org.zhucan.subsidy;

import java.math.BigDecimal;
import java.util.List;

/**
 * A band of a quality-weighted operating subsidy (绩效考核挂钩): from {@code minScore} (inclusive) up to
 * the next band's lower bound, the operating subsidy is paid at {@code percentBasisPoints} (10000 =
 * 100 %). Basis points, not a double: 92.5 % is 9250, exactly.
 */
public record ScoreBand(long policyId, int minScore, int percentBasisPoints) {

    /**
     * The band a score falls in, of bands ordered by lower bound and starting at 0 (as
     * {@link ScoreBands#check} makes them): the last band whose lower bound the score reaches.
     */
    public static ScoreBand of(List<ScoreBand> bands, BigDecimal score) {
        ScoreBand found = null;
        for (ScoreBand band : bands) {
            if (score.compareTo(BigDecimal.valueOf(band.minScore())) >= 0) {
                found = band;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no band holds " + score + ": bands start at 0 and scores are 0 to 100");
        }
        return found;
    }
}
