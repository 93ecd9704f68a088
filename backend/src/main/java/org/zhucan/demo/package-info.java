/**
 * The demo scripts and the service history that the demo run loads; nothing depends on it.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"common", "diner", "network", "security", "serving", "subsidy"})
package org.zhucan.demo;

import org.springframework.modulith.ApplicationModule;
