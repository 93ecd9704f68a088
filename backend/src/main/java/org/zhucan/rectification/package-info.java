/**
 * Rectification cases (整改, 优胜劣汰): opened when a month's frozen evaluation scores an operator below
 * the threshold or a food-safety inspection fails, taken by the district's administrators through
 * warning, rectification with a deadline, re-inspection and, last, termination of the contract.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Rectification", allowedDependencies = {"common", "evaluation", "foodsafety", "network", "security"})
package org.zhucan.rectification;

import org.springframework.modulith.ApplicationModule;
