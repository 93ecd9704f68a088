package org.zhucan.care;

public record FollowUpCareAlertInput(long alertId, String note) {
}
