package org.zhucan.network;

import java.util.EnumSet;
import java.util.Set;

/** A site's life: PLANNED → BUILDING → OPERATING ⇄ SUSPENDED → CLOSED. */
public enum SiteStatus {
    PLANNED,
    BUILDING,
    OPERATING,
    SUSPENDED,
    CLOSED;

    /** The statuses a site in this one may move to. */
    Set<SiteStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(BUILDING);
            case BUILDING -> EnumSet.of(OPERATING);
            case OPERATING -> EnumSet.of(SUSPENDED, CLOSED);
            case SUSPENDED -> EnumSet.of(OPERATING, CLOSED);
            case CLOSED -> EnumSet.noneOf(SiteStatus.class);
        };
    }

    boolean needsReason() {
        return this == SUSPENDED || this == CLOSED;
    }
}
