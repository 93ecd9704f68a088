package org.zhucan.serving;

import java.util.List;

import org.zhucan.common.error.UserError;

public record UploadResult(List<UploadedRecord> results, int acceptedCount, int duplicateCount, int rejectedCount,
                           List<UserError> userErrors) {

    static UploadResult of(List<UploadedRecord> results) {
        return new UploadResult(results, count(results, UploadOutcome.ACCEPTED), count(results, UploadOutcome.DUPLICATE),
                count(results, UploadOutcome.REJECTED), List.of());
    }

    static UploadResult failed(UserError error) {
        return new UploadResult(List.of(), 0, 0, 0, List.of(error));
    }

    private static int count(List<UploadedRecord> results, UploadOutcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
