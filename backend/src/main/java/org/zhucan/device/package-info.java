/**
 * Face terminals registered to sites, their rotated keys and the check of a signed face token.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Devices", allowedDependencies = {"common", "network", "security"})
package org.zhucan.device;

import org.springframework.modulith.ApplicationModule;
