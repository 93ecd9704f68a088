package org.zhucan.diner;

import java.time.LocalDate;

/**
 * One entry of a diner's residence history: a community and address of one kind, from a day to a
 * day (both inclusive; validTo null while it is the current one).
 *
 * @param id 0 for the entry read from the diner row itself, for a diner written before its history
 *     was (a direct insert): the household since registration, and the same place as residence
 */
public record DinerResidence(long id, long dinerId, ResidenceKind kind, long communityId, String address, LocalDate validFrom,
                             LocalDate validTo, String reason) {

    /** Whether the entry held on the day. */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
