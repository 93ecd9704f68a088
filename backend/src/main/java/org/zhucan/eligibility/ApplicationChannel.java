package org.zhucan.eligibility;

/** Who submitted an application; mirrors the schema's {@code SubsidyApplicationChannel}. */
enum ApplicationChannel {
    FAMILY,
    HOTLINE,
    STREET,
    CONSOLE
}
