package org.zhucan.care;

/** Where a care alert stands: open, acknowledged by staff, closed with an outcome. */
public enum CareAlertStatus {
    OPEN,
    ACKNOWLEDGED,
    CLOSED
}
