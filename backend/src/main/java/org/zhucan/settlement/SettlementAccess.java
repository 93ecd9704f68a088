package org.zhucan.settlement;

import org.springframework.stereotype.Component;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/** The district's finance staff and administrators, whom statements, budgets and reconciliation share. */
@Component
class SettlementAccess {

    private final RegionService regionService;
    private final NetworkAccess networkAccess;

    SettlementAccess(RegionService regionService, NetworkAccess networkAccess) {
        this.regionService = regionService;
        this.networkAccess = networkAccess;
    }

    /** Whether the user is ADMIN of a region that holds the district (or city); a national ADMIN of every one. */
    boolean adminOf(CurrentUser user, Region district) {
        return networkAccess.administers(user, district);
    }

    /** FINANCE staff or ADMIN of a region that holds the district (or city). */
    boolean financeOrAdminOf(CurrentUser user, Region district) {
        return adminOf(user, district) || financeOf(user, district);
    }

    /** Whether the user is FINANCE staff of a region that holds the district. */
    boolean financeOf(CurrentUser user, Region district) {
        return user.roles().contains(Role.FINANCE) && user.regionId() != null
                && district.path().startsWith(regionService.require(user.regionId()).path());
    }
}
