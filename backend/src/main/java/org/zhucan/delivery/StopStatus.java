package org.zhucan.delivery;

/** Where a stop stands. */
public enum StopStatus {
    PENDING,
    DELIVERED,
    FAILED
}
