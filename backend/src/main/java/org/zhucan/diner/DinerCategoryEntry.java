package org.zhucan.diner;

import java.time.LocalDate;

/** A category a diner holds for a period, with its evidence. */
public record DinerCategoryEntry(long id, long dinerId, DinerCategory category, String evidenceRef, LocalDate validFrom,
                                 LocalDate validTo) {

    boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
