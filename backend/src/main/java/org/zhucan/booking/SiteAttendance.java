package org.zhucan.booking;


/** A slot of a site's day: live bookings, served ones and no-shows. */
public record SiteAttendance(long siteId, int served, int noShows) {
}
