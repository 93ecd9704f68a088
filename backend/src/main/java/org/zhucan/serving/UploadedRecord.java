package org.zhucan.serving;

import java.util.List;

import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;

public record UploadedRecord(String clientRecordId, UploadOutcome outcome, MealRecord record, List<UserError> userErrors) {

    static UploadedRecord rejected(String clientRecordId, UserError error) {
        return new UploadedRecord(clientRecordId, UploadOutcome.REJECTED, null, List.of(error));
    }

    /** The same client record id again: a duplicate when it is the same record, a rejection when it is another. */
    static UploadedRecord replayed(String clientRecordId, MealRecord earlier, String hash, String[] path) {
        if (hash.equals(earlier.clientHash())) {
            return new UploadedRecord(clientRecordId, UploadOutcome.DUPLICATE, earlier, List.of());
        }
        return rejected(clientRecordId, UserError.of(UserErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This clientRecordId was uploaded before with a different record", FieldPaths.at(path, "clientRecordId")));
    }
}
