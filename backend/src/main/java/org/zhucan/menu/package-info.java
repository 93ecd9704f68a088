/**
 * Dishes, menus per site, date and slot, and the Redis-cached published menus.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Menus", allowedDependencies = {"common", "network", "security", "subsidy"})
package org.zhucan.menu;

import org.springframework.modulith.ApplicationModule;
