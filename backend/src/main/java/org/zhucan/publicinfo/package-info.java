/**
 * Public information without login (信息公开): published subsidy policies, operating sites with their
 * hours and today's menus, and published operator evaluations; no personal data, anonymous callers
 * rate-limited per client address. Reads the other features only through their services.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Public information", allowedDependencies = {"common", "evaluation", "menu", "network", "security", "subsidy"})
package org.zhucan.publicinfo;

import org.springframework.modulith.ApplicationModule;
