package org.zhucan.eligibility;

import java.time.LocalDate;

import org.zhucan.diner.DinerCategory;

/** A category an application claims, with its evidence and dates. */
public record ClaimedCategory(long id, long applicationId, DinerCategory category, String evidenceRef, LocalDate validFrom, LocalDate validTo) {

    /** The same claim as a category held or claimed elsewhere: category, evidence and dates. */
    boolean sameClaimAs(DinerCategory otherCategory, String otherEvidence, LocalDate otherFrom, LocalDate otherTo) {
        return category == otherCategory && evidenceRef.equals(otherEvidence) && validFrom.equals(otherFrom)
                && java.util.Objects.equals(validTo, otherTo);
    }
}
