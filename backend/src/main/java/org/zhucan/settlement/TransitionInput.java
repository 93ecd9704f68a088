package org.zhucan.settlement;

/** The input of submitSettlement and approveSettlement: a statement at the version the caller saw. */
public record TransitionInput(long statementId, int version) {
}
