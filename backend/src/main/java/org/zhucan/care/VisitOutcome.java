package org.zhucan.care;

/** What a visit found. */
public enum VisitOutcome {
    WELL,
    NEEDS_HELP,
    NOT_HOME
}
