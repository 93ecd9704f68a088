/**
 * Care for the diners (关爱): care alerts to street staff and family (from a courier's wellness check or from a diner who
 * stopped eating), with acknowledgement, follow-up and outcome, and their subscription; home visits (上门探访) with the
 * monthly visit rate per community; the volunteer registry (老年志愿者登记). Delivery raises alerts through CareAlertService.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Care", allowedDependencies = {"common", "diner", "network", "security"})
package org.zhucan.care;

import org.springframework.modulith.ApplicationModule;
