/**
 * Regions, operators and their contracts, sites with their slots and status history, and coverage
 * against the district's targets.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Network", allowedDependencies = {"common", "security"})
package org.zhucan.network;

import org.springframework.modulith.ApplicationModule;
