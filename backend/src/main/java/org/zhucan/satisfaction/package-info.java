/**
 * Diners' ratings of their meals and the sites' rating summaries.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Satisfaction", allowedDependencies = {"common", "diner", "network", "security", "serving"})
package org.zhucan.satisfaction;

import org.springframework.modulith.ApplicationModule;
