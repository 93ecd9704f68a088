/**
 * Public information without login (信息公开): published subsidy policies, operating sites with their
 * hours and today's menus, published operator evaluations, and applications in their publicity period
 * (公示, masked names only); no personal data, anonymous callers rate-limited per client address. Reads the other features only through their services.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Public information", allowedDependencies = {"common", "eligibility", "evaluation", "menu", "network", "security", "subsidy"})
package org.zhucan.publicinfo;

import org.springframework.modulith.ApplicationModule;
