package org.zhucan.delivery;

/** What the courier reports for a stop. */
public enum StopOutcome {
    DELIVERED,
    FAILED
}
