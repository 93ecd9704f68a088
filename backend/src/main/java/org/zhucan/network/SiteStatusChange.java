package org.zhucan.network;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a site's status, effective from a day. */
public record SiteStatusChange(long id, long siteId, SiteStatus fromStatus, SiteStatus toStatus, LocalDate effectiveOn,
                               String reason, String changedBy, Instant changedAt) {
}
