package org.zhucan.notice;

/** Narrows myNotices: one of the caller's diners, unread ones only. */
public record MyNoticesFilter(Long dinerId, Boolean unreadOnly) {
}
