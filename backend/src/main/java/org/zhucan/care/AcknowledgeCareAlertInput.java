package org.zhucan.care;

public record AcknowledgeCareAlertInput(long alertId) {
}
