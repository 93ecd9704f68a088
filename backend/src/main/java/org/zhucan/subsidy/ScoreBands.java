package org.zhucan.subsidy;

import java.util.List;

import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;

/**
 * The rules a policy's score bands must follow. Every score from 0 to 100 falls in exactly one band:
 * the first starts at 0 and each ends where the next begins, so there is neither a gap nor an overlap
 * by construction once lower bounds strictly rise. A better band never pays less than a worse one:
 * otherwise an operator would gain by scoring lower, which no practice we know intends.
 */
final class ScoreBands {

    static final int MAX_BANDS = 20;
    static final int FULL = 10_000;

    private ScoreBands() {
    }

    /** Adds to {@code problems} whatever is wrong with the bands as given; empty or null bands mean an unscaled subsidy. */
    static void check(List<SubsidyPolicyService.ScoreBandInput> bands, List<UserError> problems) {
        if (bands == null || bands.isEmpty()) {
            return;
        }
        if (bands.size() > MAX_BANDS) {
            problems.add(error("At most " + MAX_BANDS + " score bands", null));
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            SubsidyPolicyService.ScoreBandInput band = bands.get(i);
            String index = String.valueOf(i);
            if (band.minScore() < 0 || band.minScore() > 100) {
                problems.add(error("A band's lowest score is 0 to 100", index, "minScore"));
            }
            if (band.percentBasisPoints() < 0 || band.percentBasisPoints() > FULL) {
                problems.add(error("A band pays 0 to 10000 basis points (0 % to 100 %) of the operating subsidy", index, "percentBasisPoints"));
            }
            if (i == 0 && band.minScore() != 0) {
                problems.add(error("The first band starts at score 0, so that every score falls in a band", index, "minScore"));
            }
            if (i > 0) {
                SubsidyPolicyService.ScoreBandInput previous = bands.get(i - 1);
                if (band.minScore() <= previous.minScore()) {
                    problems.add(error("Bands are listed from the lowest score up, each starting above the one before ("
                            + band.minScore() + " after " + previous.minScore() + ")", index, "minScore"));
                } else if (band.percentBasisPoints() < previous.percentBasisPoints()) {
                    problems.add(error("A band from score " + band.minScore() + " pays less than the band below it", index,
                            "percentBasisPoints"));
                }
            }
        }
    }

    private static UserError error(String message, String index, String... field) {
        String[] path = index == null ? new String[] {"input", "operatingSubsidy", "scoreBands"}
                : concat(new String[] {"input", "operatingSubsidy", "scoreBands", index}, field);
        return UserError.of(UserErrorCode.INVALID_POLICY, message, path);
    }

    private static String[] concat(String[] head, String[] tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
