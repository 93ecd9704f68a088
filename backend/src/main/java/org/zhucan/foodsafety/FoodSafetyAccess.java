package org.zhucan.foodsafety;

import org.springframework.stereotype.Component;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Who may read and write food-safety records, shared by inspections and sample retention. Reads
 * follow {@link NetworkAccess#oversightScope}: an operator's staff see their operator's, finance
 * and inspectors their region's, administrators all.
 */
@Component
class FoodSafetyAccess {

    private final SiteService siteService;
    private final RegionService regionService;
    private final NetworkAccess networkAccess;

    FoodSafetyAccess(SiteService siteService, RegionService regionService, NetworkAccess networkAccess) {
        this.siteService = siteService;
        this.regionService = regionService;
        this.networkAccess = networkAccess;
    }

    /** OPERATOR staff: their operator's; FINANCE, INSPECTOR and a region's ADMIN: their region's; a national ADMIN: all. */
    CallerScope readScope() {
        return networkAccess.oversightScope(CurrentUser.get(),
                "food-safety records are for operators' staff, finance, inspectors and administrators");
    }

    /** ADMIN of a region that holds the site (a national ADMIN any). */
    boolean administers(CurrentUser user, Site site) {
        return networkAccess.administers(user, site);
    }

    /** ADMIN of a region that holds the site, or staff of the site's operator. */
    boolean isStaffOf(CurrentUser user, Site site) {
        return networkAccess.isStaffOf(user, site);
    }

    boolean covers(CallerScope scope, long operatorId, long siteId) {
        if (scope.operatorId() != null || scope.regionPath() == null) {
            return scope.covers(operatorId, "");
        }
        return networkAccess.covers(scope, siteService.require(siteId));
    }

    /** Whether the user is an INSPECTOR whose region covers the site. */
    boolean inspectorCovers(CurrentUser user, Site site) {
        return user.roles().contains(Role.INSPECTOR) && user.regionId() != null
                && regionService.require(site.communityId()).path().startsWith(regionService.require(user.regionId()).path());
    }
}
