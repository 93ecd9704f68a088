package org.zhucan.testsupport;

import java.util.Arrays;
import java.util.List;

/**
 * Ratios of runs measured in rounds, in turn with their floors: each round's ratio to the floor's round beside it, their
 * median, and the ratio of the rounds taken together. A machine whose speed drifts slows both sides of a round; measured
 * as one block each, minutes apart, the two sides meet different machines (the serving benchmark's floor ranged from
 * 1,012 to 2,586 records/s between runs of one build, 2026-12-06).
 */
public final class RoundRatios {

    private RoundRatios() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The row of runs measured in rounds against their floor's rounds, round by round, and taken together. */
    public static String row(List<ThreadedRun.Timings> rounds, List<ThreadedRun.Timings> floorRounds) {
        double[] ratios = new double[rounds.size()];
        Arrays.setAll(ratios, round -> rounds.get(round).perSecond() / floorRounds.get(round).perSecond());
        return row(ratios, ThreadedRun.Timings.combined(rounds).perSecond() / ThreadedRun.Timings.combined(floorRounds).perSecond());
    }

    /** Each round's ratio, then the median and the ratio of the rounds taken together: "0.31  0.28 ...  median 0.29x (...)". */
    public static String row(double[] ratios, double together) {
        StringBuilder row = new StringBuilder();
        for (double ratio : ratios) {
            row.append("%6.2f".formatted(ratio));
        }
        return row.append("  median %.2fx  (all rounds together %.2fx)".formatted(median(ratios), together)).toString();
    }
}
