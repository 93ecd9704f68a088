package org.zhucan.settlement;

import org.zhucan.common.pagination.PageRequest;

/** A statement's page of flagged records, as a batch key. */
public record FlaggedPage(long statementId, PageRequest page) {
}
