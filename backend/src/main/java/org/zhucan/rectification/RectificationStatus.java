package org.zhucan.rectification;

import java.util.Set;

/**
 * Where a case stands (整改状态). The transitions are {@link RectificationAction}'s; RECTIFIED,
 * TERMINATED and CLOSED are final.
 */
public enum RectificationStatus {
    OPEN,
    WARNED,
    RECTIFYING,
    REINSPECTION_FAILED,
    RECTIFIED,
    TERMINATED,
    CLOSED;

    static final Set<RectificationStatus> FINAL = Set.of(RECTIFIED, TERMINATED, CLOSED);

    boolean isFinal() {
        return FINAL.contains(this);
    }
}
