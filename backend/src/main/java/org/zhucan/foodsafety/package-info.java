/**
 * Inspections, sample retention logs and the missing-sample flag.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Food safety", allowedDependencies = {"common", "network", "security", "serving"})
package org.zhucan.foodsafety;

import org.springframework.modulith.ApplicationModule;
