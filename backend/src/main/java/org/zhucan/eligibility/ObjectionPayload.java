package org.zhucan.eligibility;

import java.util.List;

import org.zhucan.common.error.UserError;

record ObjectionPayload(boolean accepted, List<UserError> userErrors) {

    static ObjectionPayload failed(UserError error) {
        return new ObjectionPayload(false, List.of(error));
    }
}
