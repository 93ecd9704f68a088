package org.zhucan.evaluation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/** Who may look at a district's evaluations and dashboard, and the district itself. */
@Component
class DistrictOversight {

    private final RegionService regionService;

    DistrictOversight(RegionService regionService) {
        this.regionService = regionService;
    }

    /** The region, if it is a district; a bad request otherwise (the figures are per district). */
    Region district(long districtId, String field) {
        Region region = regionService.require(districtId);
        if (region.level() != RegionLevel.DISTRICT) {
            throw new BadRequestException(region.name() + " is not a district", field);
        }
        return region;
    }

    /**
     * The caller's scope over the district: ADMIN, FINANCE and INSPECTOR staff whose region holds
     * it, and OPERATOR staff (narrowed to their operator by the caller); anyone else is refused.
     */
    CallerScope scopeOver(Region district, String refusal) {
        CallerScope scope = regionService.oversightScope(CurrentUser.get(), refusal);
        if (scope.regionPath() != null && !district.path().startsWith(scope.regionPath())) {
            throw new AccessDeniedException(refusal);
        }
        return scope;
    }
}
