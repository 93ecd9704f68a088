package org.zhucan.delivery;

/** Why a meal was not delivered. */
public enum FailureReason {
    NOBODY_HOME,
    REFUSED,
    OTHER
}
