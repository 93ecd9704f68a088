package org.zhucan.settlement;

import java.util.List;
import java.util.Map;

import org.zhucan.serving.MealRecord;

/**
 * Statements as one snapshot read them: their headers and the parts asked for, by statement id
 * (flagged records by statement and page). A part that was not asked for is absent (its getter
 * gives null), never empty: an empty list is what a statement without lines has.
 */
public record StatementContents(List<SettlementStatement> statements, Map<Long, List<SettlementLine>> lines,
                                Map<Long, List<SourceAmount>> totals, Map<Long, Boolean> verified,
                                Map<FlaggedPage, List<MealRecord>> flagged) {

    public static final StatementContents NONE = new StatementContents(List.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** The one statement read, or null when there is none (not found, or not the caller's to read). */
    public SettlementStatement single() {
        return statements.isEmpty() ? null : statements.get(0);
    }
}
