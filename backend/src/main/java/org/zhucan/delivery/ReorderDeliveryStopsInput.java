package org.zhucan.delivery;

import java.util.List;

public record ReorderDeliveryStopsInput(long runId, List<Long> stopIds) {
}
