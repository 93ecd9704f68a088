package org.zhucan.delivery;

public record RecordDispatchReceiptInput(long dispatchId, Integer portionsReceived, String discrepancyNote) {
}
