package org.zhucan.serving;

import java.time.LocalDate;

/** A site's day: what the meal roll-ups are kept and marked by. */
public record SiteDay(long siteId, LocalDate date) {
}
