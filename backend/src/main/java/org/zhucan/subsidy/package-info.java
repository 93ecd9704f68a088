/**
 * Subsidy policies, their tiers and funding shares, and quoteMeal.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Subsidy", allowedDependencies = {"common", "diner", "network", "security"})
package org.zhucan.subsidy;

import org.springframework.modulith.ApplicationModule;
