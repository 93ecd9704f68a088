package org.zhucan.common.sql;

import java.util.Collection;
import java.util.List;

/**
 * Which rows the caller reads, in the one shape every mapper takes: a parameter named
 * {@code scope}, read in SQL as {@code scope.operatorId}, {@code scope.regionPath} and
 * {@code scope.dinerIds}. At most one is set: ADMIN none (every row), an operator's staff its
 * operator, finance and inspectors a region's subtree (by its materialised path), a family account
 * its diners. What a region's or an operator's rows are depends on the table: operators' business
 * uses the shared fragment {@code org.zhucan.common.sql.Fragments.staffScope}, other tables their
 * own fragment over the same names.
 *
 * @param operatorId the operator whose rows its staff see
 * @param regionPath the materialised path whose subtree finance or inspectors see
 * @param dinerIds the diners a family account acts for
 */
public record CallerScope(Long operatorId, String regionPath, List<Long> dinerIds) {

    /** ADMIN's: nothing narrows. */
    public static final CallerScope ALL = new CallerScope(null, null, null);

    public static CallerScope ofOperator(long operatorId) {
        return new CallerScope(operatorId, null, null);
    }

    public static CallerScope inRegion(String regionPath) {
        return new CallerScope(null, regionPath, null);
    }

    public static CallerScope ofDiners(Collection<Long> dinerIds) {
        return new CallerScope(null, null, List.copyOf(dinerIds));
    }

    /** Whether the scope lists diners and none of them: nothing can be read. */
    public boolean isEmpty() {
        return dinerIds != null && dinerIds.isEmpty();
    }

    /** Whether a row of this operator, in the region with this path, is in a staff scope. */
    public boolean covers(long rowOperatorId, String rowRegionPath) {
        if (operatorId != null) {
            return operatorId == rowOperatorId;
        }
        return dinerIds == null && (regionPath == null || rowRegionPath.startsWith(regionPath));
    }
}
