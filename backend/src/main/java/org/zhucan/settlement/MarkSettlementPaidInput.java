package org.zhucan.settlement;

import java.time.LocalDate;

/** The input of markSettlementPaid. */
public record MarkSettlementPaidInput(long statementId, int version, String paymentReference, LocalDate paidOn) {
}
