package org.zhucan.care;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Who sees and handles care: street staff the diners living in their subdistrict or town, ADMIN its region (a
 * national ADMIN all), a family account its own diners (reading alerts only). SQL narrows by the scope given here.
 */
@Component
class CareAccess {

    private final RegionService regionService;
    private final NetworkAccess networkAccess;
    private final AccountService accountService;

    CareAccess(RegionService regionService, NetworkAccess networkAccess, AccountService accountService) {
        this.regionService = regionService;
        this.networkAccess = networkAccess;
        this.accountService = accountService;
    }

    /** Whose alerts the caller reads: street staff, ADMIN, family; anyone else is refused. */
    CallerScope alertReadScope(CurrentUser user) {
        if (user.roles().contains(Role.DINER)) {
            return CallerScope.ofDiners(accountService.dinerIdsActedForBy(user.username()));
        }
        return staffScope(user);
    }

    /** Whose alerts, visits and volunteers the caller handles: street staff their subdistrict or town, ADMIN its region. */
    CallerScope staffScope(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN)) {
            return networkAccess.isNationalAdmin(user) ? CallerScope.ALL : CallerScope.inRegion(networkAccess.adminRegionPath(user));
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            Region region = user.regionId() == null ? null : regionService.require(user.regionId());
            if (region == null || (region.level() != RegionLevel.SUBDISTRICT && region.level() != RegionLevel.TOWN)) {
                throw new AccessDeniedException("a street account needs a subdistrict or town as its region");
            }
            return CallerScope.inRegion(region.path());
        }
        throw new AccessDeniedException("care is handled by street staff and administrators");
    }

    /** Whether a scope reaches a diner living in the community with this path. */
    static boolean covers(CallerScope scope, long dinerId, String communityPath) {
        if (scope.dinerIds() != null) {
            return scope.dinerIds().contains(dinerId);
        }
        return scope.regionPath() == null || communityPath.startsWith(scope.regionPath());
    }
}
