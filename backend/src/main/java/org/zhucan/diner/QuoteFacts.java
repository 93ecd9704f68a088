package org.zhucan.diner;


/**
 * A diner on a day: the status then (null before the first status change), the age then, the
 * categories held then, and the latest ability assessment made on or before the day (null when none).
 */
public record QuoteFacts(Diner diner, DinerStatus status, int age, java.util.Set<DinerCategory> categories,
                         AbilityAssessment latestAssessment) {

    /** A diner never assessed. */
    public QuoteFacts(Diner diner, DinerStatus status, int age, java.util.Set<DinerCategory> categories) {
        this(diner, status, age, categories, null);
    }

    public boolean active() {
        return status == DinerStatus.ACTIVE;
    }
}
