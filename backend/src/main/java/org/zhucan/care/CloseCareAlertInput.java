package org.zhucan.care;

public record CloseCareAlertInput(long alertId, String outcome) {
}
