/**
 * Bookings, seat and dish counters, recurring bookings, the no-show job, and paying a booking in advance (the
 * payment rows themselves are kept by payments).
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Bookings", allowedDependencies = {"common", "diner", "menu", "network", "notice", "payments", "security", "subsidy"})
package org.zhucan.booking;

import org.springframework.modulith.ApplicationModule;
