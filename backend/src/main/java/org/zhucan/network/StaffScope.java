package org.zhucan.network;

/**
 * What a staff caller reads of operators' business (meal records, statements): OPERATOR staff
 * their operator's, FINANCE staff their region's subtree, ADMIN everything (both null). SQL
 * narrows by the one that is set.
 *
 * @param operatorId the operator whose rows OPERATOR staff see
 * @param regionPath the materialised path whose subtree FINANCE staff see
 */
public record StaffScope(Long operatorId, String regionPath) {

    /** Whether a row of this operator, in the region with this path, is in scope. */
    public boolean covers(long rowOperatorId, String rowRegionPath) {
        if (operatorId != null) {
            return operatorId == rowOperatorId;
        }
        return regionPath == null || rowRegionPath.startsWith(regionPath);
    }
}
