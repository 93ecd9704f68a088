package org.zhucan.diner;

/** Whether a diner can be served. */
public enum DinerStatus {
    ACTIVE,
    SUSPENDED,
    DECEASED,
    MOVED_AWAY
}
