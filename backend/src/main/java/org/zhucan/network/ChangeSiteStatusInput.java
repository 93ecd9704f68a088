package org.zhucan.network;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** What changeSiteStatus takes: the new status, from when, and why. */
public record ChangeSiteStatusInput(Long siteId, SiteStatus status, LocalDate effectiveOn, @Size(max = 255) String reason) {
}
