package org.zhucan.delivery;

import java.util.List;

import org.zhucan.common.error.UserError;

public record DeliveryRunsPayload(List<DeliveryRun> runs, List<UserError> userErrors) {

    static DeliveryRunsPayload failed(UserError error) {
        return new DeliveryRunsPayload(List.of(), List.of(error));
    }
}
