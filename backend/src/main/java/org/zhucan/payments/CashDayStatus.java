package org.zhucan.payments;

/** Whether a site's cash day may still change. */
public enum CashDayStatus {
    OPEN, CLOSED
}
