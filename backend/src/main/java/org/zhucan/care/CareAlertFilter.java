package org.zhucan.care;

/** Narrows careAlerts: by status, by diner. */
public record CareAlertFilter(CareAlertStatus status, Long dinerId) {
}
