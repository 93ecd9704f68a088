package org.zhucan.notice;

/** What markNoticeRead takes: the notice. */
public record MarkNoticeReadInput(long noticeId) {
}
