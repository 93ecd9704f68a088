package org.zhucan.delivery;

import java.util.List;

import org.zhucan.common.error.UserError;

public record KitchenDispatchPayload(KitchenDispatch dispatch, List<UserError> userErrors) {

    static KitchenDispatchPayload failed(UserError error) {
        return new KitchenDispatchPayload(null, List.of(error));
    }
}
