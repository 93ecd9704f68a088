package org.zhucan.eligibility;

/** What happened to an application; mirrors the schema's {@code SubsidyApplicationEventKind}. */
enum ApplicationEventKind {
    SUBMITTED,
    APPROVED,
    REJECTED,
    OBJECTED,
    EFFECTIVE,
    LAPSED
}
