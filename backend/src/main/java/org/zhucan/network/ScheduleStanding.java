package org.zhucan.network;

/**
 * Where a site stands against its planned quarter in the site-building ledger (点位建设台账), on a day:
 * the ledger plans by quarter, so a site is due by the last day of the quarter it is planned in.
 */
public enum ScheduleStanding {
    /** Opened on or before the end of its planned quarter (按期建成). */
    ON_TIME,
    /** Opened, but after its planned quarter (延期建成). */
    LATE,
    /** Its planned quarter has passed and it has not opened (逾期未建成). */
    OVERDUE,
    /** Not open yet, and its planned quarter has not passed (未到期). */
    NOT_YET_DUE;

    /** The standing on {@code asOf} of a site due on {@code dueOn} that first operated on {@code openedOn} (null if never). */
    public static ScheduleStanding of(java.time.LocalDate dueOn, java.time.LocalDate openedOn, java.time.LocalDate asOf) {
        if (openedOn != null && !openedOn.isAfter(asOf)) {
            return openedOn.isAfter(dueOn) ? LATE : ON_TIME;
        }
        return asOf.isAfter(dueOn) ? OVERDUE : NOT_YET_DUE;
    }
}
