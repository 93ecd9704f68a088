/**
 * Bookings, seat and dish counters, recurring bookings and the no-show job.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Bookings", allowedDependencies = {"common", "diner", "menu", "network", "notice", "security", "subsidy"})
package org.zhucan.booking;

import org.springframework.modulith.ApplicationModule;
