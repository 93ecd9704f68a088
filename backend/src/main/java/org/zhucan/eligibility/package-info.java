/**
 * Applications, review and publicity (申请—审核—公示): a family, the hotline or street staff submit a diner's claim to
 * subsidy categories; street staff (or ADMIN) approve or reject it; an approved application is published for a
 * publicity period, anyone may object during it (which reopens the review), and one that ends without objection takes
 * effect: the categories are granted with the source APPLICATION. Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Eligibility applications", allowedDependencies = {"common", "network", "diner", "security"})
package org.zhucan.eligibility;

import org.springframework.modulith.ApplicationModule;
