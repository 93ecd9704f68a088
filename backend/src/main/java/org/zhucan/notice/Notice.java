package org.zhucan.notice;

import java.time.Instant;

/**
 * A notice to a diner's family accounts. It names dates, slots, sites and reasons, never an ID or phone number.
 *
 * @param readAt when the reading account marked it read; null while unread (per account)
 */
public record Notice(long id, long dinerId, NoticeKind kind, String title, String body, Instant createdAt, Instant readAt) {
}
