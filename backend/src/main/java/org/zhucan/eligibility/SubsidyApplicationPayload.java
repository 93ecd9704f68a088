package org.zhucan.eligibility;

import java.util.List;

import org.zhucan.common.error.UserError;

record SubsidyApplicationPayload(SubsidyApplication application, List<UserError> userErrors) {

    static SubsidyApplicationPayload of(SubsidyApplication application) {
        return new SubsidyApplicationPayload(application, List.of());
    }

    static SubsidyApplicationPayload failed(List<UserError> errors) {
        return new SubsidyApplicationPayload(null, List.copyOf(errors));
    }

    static SubsidyApplicationPayload failed(UserError error) {
        return failed(List.of(error));
    }
}
