package org.zhucan.network;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A canteen, meal point, dining table, mutual-aid point or central kitchen.
 *
 * @param operatorSince the day the operator took the site over (交接日); null when it has run it from the start
 * @param previousOperatorId who ran it before that day; null when nobody did
 */
public record Site(long id, String name, SiteKind kind, SiteStatus status, long communityId, long operatorId, String address,
                   BigDecimal latitude, BigDecimal longitude, String licenceNumber, Long suppliedById,
                   LocalDate plannedOpenOn, LocalDate openedOn, LocalDate closedOn, String statusReason, int version,
                   LocalDate operatorSince, Long previousOperatorId) {

    /**
     * The operator that ran the site on the day: the meal served then is that operator's to be paid
     * for, even when it is recorded (uploaded offline) after a hand-over. Hand-overs are at least
     * {@link #HANDOVER_SPACING_DAYS} days apart, more than meals may be recorded late, so the last
     * hand-over is all a meal's day needs.
     */
    public long operatorOn(LocalDate day) {
        return operatorSince != null && previousOperatorId != null && day.isBefore(operatorSince) ? previousOperatorId : operatorId;
    }

    /** The fewest days between two hand-overs of a site. */
    public static final int HANDOVER_SPACING_DAYS = 8;
}
