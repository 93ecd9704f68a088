package org.zhucan.notice;

/** What a notice is about; mirrors the schema's {@code NoticeKind} and the table's CHECK. */
public enum NoticeKind {
    /** A booking was cancelled for the family (订餐已取消). */
    BOOKING_CANCELLED,
    /** A recurring booking was ended (长期订餐已终止). */
    RECURRING_BOOKING_ENDED,
    /** The subsidy of meals already served was withdrawn (补贴已撤回). */
    SUBSIDY_WITHDRAWN,
    /** A status recorded in error was corrected (登记更正). */
    STATUS_CORRECTED
}
