package org.zhucan.network;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A canteen, meal point, dining table, mutual-aid point or central kitchen. */
public record Site(long id, String name, SiteKind kind, SiteStatus status, long communityId, long operatorId, String address,
                   BigDecimal latitude, BigDecimal longitude, String licenceNumber, Long suppliedById,
                   LocalDate plannedOpenOn, LocalDate openedOn, LocalDate closedOn, String statusReason, int version) {
}
