package org.zhucan.network;

/** What kind of organisation an operator is. */
public enum OperatorKind {
    STATE_PLATFORM,
    CATERING_ENTERPRISE,
    SOCIAL_ORGANISATION,
    VILLAGE_COLLECTIVE
}
