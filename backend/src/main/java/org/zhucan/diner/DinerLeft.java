package org.zhucan.diner;

import java.time.LocalDate;

/**
 * Published by {@link DinerStatusService#changeStatus} inside its transaction when a diner stops being
 * served from a date: DECEASED, MOVED_AWAY or SUSPENDED. Other features handle it synchronously in
 * the same transaction (all or nothing): serving withdraws the subsidy of meals served after a death
 * or move-out, booking cancels what the diner had booked from the date on and tells the family.
 *
 * @param status the new status
 * @param effectiveOn the day it took effect (today or earlier)
 * @param reason why, as given (may be null)
 * @param actor the account that recorded it
 */
public record DinerLeft(long dinerId, DinerStatus status, LocalDate effectiveOn, String reason, String actor) {

    /** Whether the diner left for good (DECEASED or MOVED_AWAY): meals after the date lose their subsidy. A suspension does not. */
    public boolean forGood() {
        return status == DinerStatus.DECEASED || status == DinerStatus.MOVED_AWAY;
    }
}
