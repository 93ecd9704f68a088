package org.zhucan.settlement;

import java.util.Set;

import org.zhucan.common.pagination.PageRequest;

/**
 * What a read needs of statements besides their headers, so that it is read with them in one
 * snapshot: their lines, their totals per source, the check of their content hash, and pages of
 * their flagged records (one per page asked).
 */
public record StatementParts(boolean lines, boolean totals, boolean verified, Set<PageRequest> flaggedPages) {

    /** The header alone. */
    public static final StatementParts NONE = new StatementParts(false, false, false, Set.of());
    /** What an export shows. */
    public static final StatementParts SHEET = new StatementParts(true, true, true, Set.of());

    public StatementParts {
        flaggedPages = Set.copyOf(flaggedPages);
    }
}
