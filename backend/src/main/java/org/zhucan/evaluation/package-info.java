/**
 * The monthly operator evaluation, its weights, and the district dashboard; reads the other
 * features only through their services' tallies.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Evaluation", allowedDependencies = {"booking", "common", "foodsafety", "network", "satisfaction", "security", "serving", "settlement"})
package org.zhucan.evaluation;

import org.springframework.modulith.ApplicationModule;
