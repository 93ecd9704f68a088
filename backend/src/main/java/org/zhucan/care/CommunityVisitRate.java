package org.zhucan.care;

/** A community's visits in a month against the target: active diners, those visited at least once. */
public record CommunityVisitRate(long communityId, int activeDiners, int visitedDiners, int targetPercent) {

    /** Visited diners as a whole percentage of active ones, rounded down; 100 for a community with none. */
    public int ratePercent() {
        return activeDiners == 0 ? 100 : (int) (visitedDiners * 100L / activeDiners);
    }

    public boolean meetsTarget() {
        return ratePercent() >= targetPercent;
    }
}
