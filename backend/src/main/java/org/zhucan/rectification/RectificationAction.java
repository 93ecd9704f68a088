package org.zhucan.rectification;

import java.util.Set;

/**
 * A step an administrator takes on a case, with the statuses it may be taken from and the one it
 * leads to: the whole state machine in one place. Warning comes before rectification, rectification
 * before re-inspection, and only a failed re-inspection may end in termination (淘汰, the last step).
 */
public enum RectificationAction {
    /** 警告: the operator is told in writing. */
    WARN(Set.of(RectificationStatus.OPEN), RectificationStatus.WARNED, StepKind.WARNING_ISSUED),
    /** 限期整改: a deadline in the future; again after a failed re-inspection. */
    ORDER_RECTIFICATION(Set.of(RectificationStatus.WARNED, RectificationStatus.REINSPECTION_FAILED), RectificationStatus.RECTIFYING, StepKind.RECTIFICATION_ORDERED),
    /** 复查合格: the case is closed as rectified. */
    REINSPECTION_PASSED(Set.of(RectificationStatus.RECTIFYING), RectificationStatus.RECTIFIED, StepKind.REINSPECTION_PASSED),
    /** 复查不合格: a new deadline, termination, or closing follows. */
    REINSPECTION_FAILED(Set.of(RectificationStatus.RECTIFYING), RectificationStatus.REINSPECTION_FAILED, StepKind.REINSPECTION_FAILED),
    /** 终止合同，予以淘汰: ends the operator's contract in the district (never deletes it). */
    TERMINATE_CONTRACT(Set.of(RectificationStatus.REINSPECTION_FAILED), RectificationStatus.TERMINATED, StepKind.CONTRACT_TERMINATED),
    /** 结案: closed without termination (e.g. the cause was a mistake, or the operator left anyway). */
    CLOSE(Set.of(RectificationStatus.OPEN, RectificationStatus.WARNED, RectificationStatus.REINSPECTION_FAILED), RectificationStatus.CLOSED, StepKind.CLOSED);

    private final Set<RectificationStatus> from;
    private final RectificationStatus to;
    private final StepKind step;

    RectificationAction(Set<RectificationStatus> from, RectificationStatus to, StepKind step) {
        this.from = from;
        this.to = to;
        this.step = step;
    }

    boolean allowedFrom(RectificationStatus status) {
        return from.contains(status);
    }

    Set<RectificationStatus> from() {
        return from;
    }

    RectificationStatus to() {
        return to;
    }

    StepKind step() {
        return step;
    }
}
