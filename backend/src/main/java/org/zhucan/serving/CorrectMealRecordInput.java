package org.zhucan.serving;

import java.util.List;

public record CorrectMealRecordInput(String idempotencyKey, long recordId, String reason, Long dinerId, VerificationInput verification,
                                     List<MealItemInput> items) {

    CorrectMealRecordInput withoutKey() {
        return new CorrectMealRecordInput(null, recordId, reason, dinerId, verification, items);
    }
}
