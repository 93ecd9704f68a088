package org.zhucan.delivery;

import java.util.List;

import org.zhucan.common.error.UserError;

public record DeliveryRunPayload(DeliveryRun run, List<UserError> userErrors) {
}
