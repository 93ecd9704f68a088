/**
 * The diner registry: personal data encrypted, categories, ability assessments and status history.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Diners", allowedDependencies = {"common", "network", "security"})
package org.zhucan.diner;

import org.springframework.modulith.ApplicationModule;
