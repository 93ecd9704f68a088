package org.zhucan.rectification;

import java.util.List;

/**
 * Which cases to list (整改案件筛选); every field narrows, none given lists all in the caller's scope.
 *
 * @param overdue true: only rectifications past their deadline; false: only those that are not
 */
public record RectificationCaseFilter(Long districtId, Long operatorId, List<RectificationStatus> statuses, Boolean overdue) {

    static final RectificationCaseFilter NONE = new RectificationCaseFilter(null, null, null, null);
}
