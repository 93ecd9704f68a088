package org.zhucan.intake;

/** What an import brings: a roster of diners (名册) or a feed of deaths and moves-out (状态). */
public enum IntakeKind {
    ROSTER,
    STATUS_FEED
}
