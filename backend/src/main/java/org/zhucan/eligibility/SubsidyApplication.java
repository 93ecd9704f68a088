package org.zhucan.eligibility;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A diner's claim to subsidy categories (补贴申请), as a row: the diner's community and masked name are copied when it
 * is submitted, for scope and for the publicity list. The publicity dates stay after an objection: the last period.
 */
public record SubsidyApplication(long id, String number, long dinerId, long communityId, String dinerNameMasked, ApplicationStatus status,
                                 ApplicationChannel channel, String callReference, String note, String submittedBy, Instant submittedAt,
                                 String reviewedBy, Instant reviewedAt, String reviewReason, LocalDate publicityFrom, LocalDate publicityTo,
                                 Instant effectiveAt, int version) {
}
