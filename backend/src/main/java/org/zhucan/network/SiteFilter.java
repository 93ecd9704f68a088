package org.zhucan.network;

import java.util.List;

/** Narrows the sites a list answers. */
public record SiteFilter(Long regionId, List<SiteKind> kinds, List<SiteStatus> statuses, Long operatorId, MealSlot slot,
                         Fulfilment fulfilment, String text) {
    static final SiteFilter NONE = new SiteFilter(null, null, null, null, null, null, null);
}
