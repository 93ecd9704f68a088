package org.zhucan.settlement;

/** The input of rejectSettlement. */
public record RejectSettlementInput(long statementId, int version, String reason) {
}
