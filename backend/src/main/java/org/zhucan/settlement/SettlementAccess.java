package org.zhucan.settlement;

import org.springframework.stereotype.Component;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/** The district's finance staff, whom statements, budgets and reconciliation share. */
@Component
class SettlementAccess {

    private final RegionService regionService;

    SettlementAccess(RegionService regionService) {
        this.regionService = regionService;
    }

    /** Whether the user is FINANCE staff of a region that holds the district. */
    boolean financeOf(CurrentUser user, Region district) {
        return user.roles().contains(Role.FINANCE) && user.regionId() != null
                && district.path().startsWith(regionService.require(user.regionId()).path());
    }
}
