/**
 * Monthly subsidy statements, their lifecycle and content hash, funding budgets, reconciliation
 * and exports.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Settlement", allowedDependencies = {"common", "diner", "network", "security", "serving", "subsidy"})
package org.zhucan.settlement;

import org.springframework.modulith.ApplicationModule;
