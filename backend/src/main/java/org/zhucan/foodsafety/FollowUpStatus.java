package org.zhucan.foodsafety;

/** Where the follow-up of an inspection stands on a given day. */
public enum FollowUpStatus {
    NONE,
    OPEN,
    OVERDUE,
    CLOSED
}
