package org.zhucan.diner;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A category a diner holds for a period, with its evidence, where it came from, and when it was superseded by a
 * later version (null while it is current).
 */
public record DinerCategoryEntry(long id, long dinerId, DinerCategory category, String evidenceRef, LocalDate validFrom,
                                 LocalDate validTo, CategorySource source, String sourceRef, Instant recordedAt,
                                 Instant supersededAt) {

    /** A category to record: what a caller says, before it has an id, a source or a time. */
    public static DinerCategoryEntry of(DinerCategory category, String evidenceRef, LocalDate validFrom, LocalDate validTo) {
        return new DinerCategoryEntry(0, 0, category, evidenceRef, validFrom, validTo, null, null, null, null);
    }

    boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The same claim: category, evidence and dates; what versioning compares, whatever the source. */
    boolean sameClaimAs(DinerCategoryEntry other) {
        return category == other.category && evidenceRef.equals(other.evidenceRef) && validFrom.equals(other.validFrom)
                && java.util.Objects.equals(validTo, other.validTo);
    }
}
