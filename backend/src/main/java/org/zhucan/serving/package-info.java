/**
 * Meal records (核销): logging, offline uploads, voids and corrections, review flags, subsidy usage,
 * the serving dashboard and the mealsServed subscription.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Serving", allowedDependencies = {"booking", "common", "device", "diner", "menu", "network", "notice", "payments", "security", "subsidy"})
package org.zhucan.serving;

import org.springframework.modulith.ApplicationModule;
