package org.zhucan.delivery;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The stop as confirmed (its meal record and care alert are fields of the stop), or why not. */
public record DeliveryStopPayload(DeliveryStop stop, List<UserError> userErrors) {

    static DeliveryStopPayload failed(UserError error) {
        return new DeliveryStopPayload(null, List.of(error));
    }

    static DeliveryStopPayload failed(List<UserError> errors) {
        return new DeliveryStopPayload(null, List.copyOf(errors));
    }
}
