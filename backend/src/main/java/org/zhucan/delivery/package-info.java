/**
 * Home delivery (送餐上门): a site's delivery bookings for a date and slot planned into runs per courier (a staff
 * account or a registered volunteer) within each courier's capacity, stops ordered by a nearest-neighbour route over
 * the diners' home locations and reorderable by hand; the courier's proof of delivery at each stop, which makes a
 * DELIVERY meal record through the serving feature (priced and subsidised as a served meal), or a failed stop with
 * its reason; and the wellness check at the door, which raises care alerts through the care feature.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"booking", "care", "common", "diner", "network", "security", "serving"})
package org.zhucan.delivery;

import org.springframework.modulith.ApplicationModule;
