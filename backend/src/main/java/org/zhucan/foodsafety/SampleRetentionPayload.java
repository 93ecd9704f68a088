package org.zhucan.foodsafety;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of logSampleRetention: the log stored, or why not. */
public record SampleRetentionPayload(SampleRetention sampleRetention, List<UserError> userErrors) {

    static SampleRetentionPayload failed(List<UserError> errors) {
        return new SampleRetentionPayload(null, List.copyOf(errors));
    }
}
