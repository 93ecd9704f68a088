package org.zhucan.rectification;

/** What opened a case (立案原因). */
public enum RectificationCause {
    /** The month's frozen evaluation score was below the threshold (考核不达标). */
    LOW_SCORE,
    /** A food-safety inspection of one of its sites failed (食品安全检查不合格). */
    FAILED_INSPECTION
}
