package org.zhucan.network;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Who is staff of which site and operator, and what of operators' business a caller sees: the
 * network's scope rules in one place, which the other features' access classes build on.
 */
@Component
public class NetworkAccess {

    private final RegionService regionService;

    NetworkAccess(RegionService regionService) {
        this.regionService = regionService;
    }

    /**
     * The caller's scope over operators' business: OPERATOR staff, FINANCE staff with a region, or
     * ADMIN; anyone else is refused with the reason given. A refusal marks no transaction
     * rollback-only: a caller that asks "may this role read it?" inside its own transaction and
     * catches the refusal (ServingAccess.mayRead) must still be able to commit.
     */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public CallerScope staffScope(CurrentUser user, String refusal) {
        if (user.roles().contains(Role.ADMIN)) {
            return CallerScope.ALL;
        }
        if (user.roles().contains(Role.OPERATOR) && user.operatorId() != null) {
            return CallerScope.ofOperator(user.operatorId());
        }
        if (user.roles().contains(Role.FINANCE) && user.regionId() != null) {
            return CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        throw new AccessDeniedException(refusal);
    }

    /**
     * The caller's scope over the quality of operators' service (ratings, inspections, evaluations):
     * as {@link #staffScope}, and INSPECTOR staff with a region, and STREET staff (their subdistrict or
     * town), see its subtree too: street staff look after the sites of their streets, never their
     * money. A refusal dooms no transaction, as there.
     */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public CallerScope oversightScope(CurrentUser user, String refusal) {
        if (!user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.OPERATOR)
                && (user.roles().contains(Role.INSPECTOR) || user.roles().contains(Role.STREET)) && user.regionId() != null) {
            return CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        return staffScope(user, refusal);
    }

    /** ADMIN, or staff (an OPERATOR account) of the operator. */
    public boolean isStaffOf(CurrentUser user, long operatorId) {
        return user.roles().contains(Role.ADMIN) || user.actsForOperator(operatorId);
    }

    /** ADMIN, or staff of the site's operator. */
    public boolean isStaffOf(CurrentUser user, Site site) {
        return isStaffOf(user, site.operatorId());
    }

    /**
     * Whether a scope (from {@link #staffScope} or {@link #oversightScope}) reaches a site: all,
     * its operator's, or the region subtree its community is in.
     */
    @Transactional(readOnly = true)
    public boolean covers(CallerScope scope, Site site) {
        if (scope.operatorId() != null || scope.regionPath() == null) {
            return scope.covers(site.operatorId(), "");
        }
        return scope.covers(site.operatorId(), regionService.require(site.communityId()).path());
    }

    /** As {@link #isStaffOf}, or refused with the reason given. */
    public void requireStaffOf(CurrentUser user, long operatorId, String refusal) {
        if (!isStaffOf(user, operatorId)) {
            throw new AccessDeniedException(refusal);
        }
    }

    /** ADMIN changes anything of a site; its operator's staff only its slots and fulfilment. */
    void requireMayUpdate(CurrentUser user, Site site, UpdateSiteInput input) {
        if (user.roles().contains(Role.ADMIN)) {
            return;
        }
        requireStaffOf(user, site.operatorId(), "site of another operator");
        if (input.changesMoreThanSlotsAndFulfilment()) {
            throw new AccessDeniedException("operator staff change only slots and fulfilment");
        }
    }

    /** Only administrators need an operator's whole contact number; everyone else sees it masked. */
    boolean seesFullContactPhone(CurrentUser user) {
        return user.roles().contains(Role.ADMIN);
    }
}
