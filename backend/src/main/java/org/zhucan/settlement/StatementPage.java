package org.zhucan.settlement;

import org.zhucan.common.pagination.Connection;

/** A page of statements and the parts asked of them, from one snapshot. */
public record StatementPage(Connection<SettlementStatement> connection, StatementContents contents) {
}
