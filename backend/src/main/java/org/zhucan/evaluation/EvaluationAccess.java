package org.zhucan.evaluation;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * Who may look at a district's evaluations and dashboard, and the district itself: the
 * evaluation feature's scope rules in one place.
 */
@Component
class EvaluationAccess {

    private static final String EVALUATION_REFUSAL = "operator evaluations are for the district's finance staff, inspectors, "
            + "administrators and each operator's own staff";
    private static final String DASHBOARD_REFUSAL = "the district dashboard is for the district's finance staff, inspectors and administrators";

    private final RegionService regionService;
    private final NetworkAccess networkAccess;

    EvaluationAccess(RegionService regionService, NetworkAccess networkAccess) {
        this.regionService = regionService;
        this.networkAccess = networkAccess;
    }

    /** The region, if it is a district; a bad request otherwise (the figures are per district). */
    Region district(long districtId, String field) {
        Region region = regionService.require(districtId);
        if (region.level() != RegionLevel.DISTRICT) {
            throw new BadRequestException(region.name() + " is not a district", field);
        }
        return region;
    }

    /** The region, if it is a district or a city (or a province), whose figures roll up from its districts; a bad request otherwise. */
    Region districtOrAbove(long regionId, String field) {
        Region region = regionService.require(regionId);
        if (!region.level().isDistrictOrAbove()) {
            throw new BadRequestException(region.name() + " is not a district or a city", field);
        }
        return region;
    }

    /**
     * The caller's scope over the district's evaluations: ADMIN, FINANCE and INSPECTOR staff whose
     * region holds it, and OPERATOR staff (who see their own operator's row, see {@link #visible}).
     */
    CallerScope evaluationScope(Region district) {
        return scopeOver(district, EVALUATION_REFUSAL);
    }

    /** The rows of a ranking the scope shows: OPERATOR staff their own operator's only, ranked among all. */
    static List<EvaluationService.OperatorEvaluation> visible(CallerScope scope, List<EvaluationService.OperatorEvaluation> ranked) {
        return scope.operatorId() == null ? ranked : ranked.stream().filter(row -> row.operatorId() == scope.operatorId()).toList();
    }

    /** As {@link #evaluationScope} without OPERATOR staff: the district's money and coverage are not one operator's business. */
    void requireDashboard(Region district) {
        if (scopeOver(district, DASHBOARD_REFUSAL).operatorId() != null) {
            throw new AccessDeniedException(DASHBOARD_REFUSAL);
        }
    }

    /** ADMIN of a region that holds the district (a national ADMIN any), or refused. */
    void requireAdministers(Region district) {
        networkAccess.requireAdministers(CurrentUser.get(), district.id(), "a district's weights are set by administrators of a region that holds it");
    }

    private CallerScope scopeOver(Region district, String refusal) {
        CallerScope scope = networkAccess.oversightScope(CurrentUser.get(), refusal);
        if (scope.regionPath() != null && !district.path().startsWith(scope.regionPath())) {
            throw new AccessDeniedException(refusal);
        }
        return scope;
    }
}
