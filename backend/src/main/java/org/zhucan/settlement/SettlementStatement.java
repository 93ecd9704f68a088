package org.zhucan.settlement;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;

/**
 * A settlement statement (结算单) as stored: one per operator, district and period.
 *
 * @param carriedCount records dated before the period that it settles (adjustments)
 * @param payable what the public sources pay: all lines but the operator's own discount
 */
public record SettlementStatement(long id, long operatorId, long districtId, LocalDate periodStart, LocalDate periodEnd,
                                  SettlementStatus status, int version, int recordCount, int carriedCount, int flaggedCount,
                                  Money mealSubsidy, Money operatingSubsidy, Money payable, String generatedBy, Instant generatedAt,
                                  String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, String rejectionReason,
                                  String contentHash, String paymentReference, LocalDate paidOn, String paidBy, Instant paidAt) {
}
