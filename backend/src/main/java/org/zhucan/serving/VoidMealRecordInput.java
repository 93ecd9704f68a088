package org.zhucan.serving;

public record VoidMealRecordInput(String idempotencyKey, long recordId, String reason) {

    VoidMealRecordInput withoutKey() {
        return new VoidMealRecordInput(null, recordId, reason);
    }
}
