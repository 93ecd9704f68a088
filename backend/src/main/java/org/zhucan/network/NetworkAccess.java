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
 *
 * <p>Levels of government: an ADMIN account with a region (a city's or a district's administrator)
 * administers that region's subtree only, like FINANCE and INSPECTOR staff; an ADMIN account
 * without one (the bootstrap administrator, the demo {@code admin}) is national and administers
 * everything. Every "ADMIN may" rule asks {@link #administers} or takes {@link #staffScope}, never
 * the role alone.
 */
@Component
public class NetworkAccess {

    private final RegionService regionService;
    private final OperatorMapper operators;

    NetworkAccess(RegionService regionService, OperatorMapper operators) {
        this.regionService = regionService;
        this.operators = operators;
    }

    /** Whether the caller is an ADMIN without a region: national, nothing narrows. */
    public boolean isNationalAdmin(CurrentUser user) {
        return user.roles().contains(Role.ADMIN) && user.regionId() == null;
    }

    /**
     * The materialised path of the region an ADMIN account administers; null for a national ADMIN
     * and for a caller who is not ADMIN (ask {@link #administers} for a yes or no).
     */
    @Transactional(readOnly = true)
    public String adminRegionPath(CurrentUser user) {
        return user.roles().contains(Role.ADMIN) && user.regionId() != null ? regionService.require(user.regionId()).path() : null;
    }

    /** Whether the caller is ADMIN, national or of a region that holds this region. */
    @Transactional(readOnly = true)
    public boolean administers(CurrentUser user, Region region) {
        return isNationalAdmin(user) || user.roles().contains(Role.ADMIN) && user.regionId() != null
                && region.path().startsWith(adminRegionPath(user));
    }

    /** Whether the caller is ADMIN, national or of a region that holds the region with this id. */
    @Transactional(readOnly = true)
    public boolean administers(CurrentUser user, long regionId) {
        return isNationalAdmin(user) || user.roles().contains(Role.ADMIN) && administers(user, regionService.require(regionId));
    }

    /** Whether the caller is ADMIN, national or of a region that holds the site's community. */
    @Transactional(readOnly = true)
    public boolean administers(CurrentUser user, Site site) {
        return administers(user, site.communityId());
    }

    /** As {@link #administers(CurrentUser, long)}, or refused with the reason given. */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public void requireAdministers(CurrentUser user, long regionId, String refusal) {
        if (!administers(user, regionId)) {
            throw new AccessDeniedException(refusal);
        }
    }

    /**
     * The caller's scope over operators' business: OPERATOR staff, FINANCE staff with a region, or
     * ADMIN (its region's subtree, or all for a national ADMIN); anyone else is refused with the reason given. A refusal marks no transaction
     * rollback-only: a caller that asks "may this role read it?" inside its own transaction and
     * catches the refusal (ServingAccess.mayRead) must still be able to commit.
     */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public CallerScope staffScope(CurrentUser user, String refusal) {
        if (user.roles().contains(Role.ADMIN)) {
            return user.regionId() == null ? CallerScope.ALL : CallerScope.inRegion(adminRegionPath(user));
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
     * as {@link #staffScope}, and INSPECTOR staff with a region, and STREET_STAFF staff (their subdistrict or
     * town), see its subtree too: street staff look after the sites of their streets, never their
     * money. A refusal dooms no transaction, as there.
     */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    public CallerScope oversightScope(CurrentUser user, String refusal) {
        if (!user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.OPERATOR)
                && (user.roles().contains(Role.INSPECTOR) || user.roles().contains(Role.STREET_STAFF)) && user.regionId() != null) {
            return CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        return staffScope(user, refusal);
    }

    /**
     * Staff (an OPERATOR account) of the operator, a national ADMIN, or the ADMIN of a region the
     * operator works in (a contract for a district, or a site, in its subtree).
     */
    @Transactional(readOnly = true)
    public boolean isStaffOf(CurrentUser user, long operatorId) {
        if (user.actsForOperator(operatorId) || isNationalAdmin(user)) {
            return true;
        }
        return user.roles().contains(Role.ADMIN) && user.regionId() != null && operators.operatesIn(operatorId, adminRegionPath(user));
    }

    /** Staff of the site's operator, or ADMIN of a region that holds the site. */
    @Transactional(readOnly = true)
    public boolean isStaffOf(CurrentUser user, Site site) {
        return user.actsForOperator(site.operatorId()) || administers(user, site);
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

    /** As {@link #isStaffOf(CurrentUser, long)}, or refused with the reason given. */
    public void requireStaffOf(CurrentUser user, long operatorId, String refusal) {
        if (!isStaffOf(user, operatorId)) {
            throw new AccessDeniedException(refusal);
        }
    }

    /** As {@link #isStaffOf(CurrentUser, Site)}, or refused with the reason given. */
    public void requireStaffOf(CurrentUser user, Site site, String refusal) {
        if (!isStaffOf(user, site)) {
            throw new AccessDeniedException(refusal);
        }
    }

    /** ADMIN of a region that holds the site changes anything of it; its operator's staff only its slots and fulfilment. */
    void requireMayUpdate(CurrentUser user, Site site, UpdateSiteInput input) {
        if (administers(user, site)) {
            return;
        }
        if (!user.actsForOperator(site.operatorId())) {
            throw new AccessDeniedException("site of another operator, or outside the administrator's region");
        }
        if (input.changesMoreThanSlotsAndFulfilment()) {
            throw new AccessDeniedException("operator staff change only slots and fulfilment");
        }
    }

    /**
     * Only administrators need an operator's whole contact number; everyone else sees it masked. An
     * operator is not a region's, so every ADMIN sees it: a business contact, not a diner's data.
     */
    boolean seesFullContactPhone(CurrentUser user) {
        return user.roles().contains(Role.ADMIN);
    }
}
