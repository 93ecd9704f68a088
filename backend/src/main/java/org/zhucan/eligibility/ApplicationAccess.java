package org.zhucan.eligibility;

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
 * Who may submit, review and read applications: the eligibility feature's scope rules in one place. SQL narrows by the
 * {@link CallerScope} they give, over the community an application was submitted in.
 */
@Component
class ApplicationAccess {

    private final RegionService regionService;
    private final AccountService accountService;
    private final NetworkAccess networkAccess;

    ApplicationAccess(RegionService regionService, AccountService accountService, NetworkAccess networkAccess) {
        this.regionService = regionService;
        this.accountService = accountService;
        this.networkAccess = networkAccess;
    }

    /**
     * How the caller submits: ADMIN from the console, STREET_STAFF staff, the HOTLINE, a family (DINER) account; FINANCE,
     * OPERATOR and INSPECTOR are refused. Which diners it may submit for is its read scope of diners (the diner feature's).
     */
    ApplicationChannel channelOf(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN)) {
            return ApplicationChannel.CONSOLE;
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            streetRegion(user);
            return ApplicationChannel.STREET;
        }
        if (user.roles().contains(Role.HOTLINE)) {
            return ApplicationChannel.HOTLINE;
        }
        if (user.roles().contains(Role.DINER)) {
            return ApplicationChannel.FAMILY;
        }
        throw new AccessDeniedException("applications are submitted by families, the hotline, street staff and administrators");
    }

    /**
     * Whose applications the caller reads: ADMIN its region's (a national ADMIN all), STREET_STAFF staff their subdistrict's
     * or town's, HOTLINE staff their region's (all without one), a family account its diners'; anyone else is refused.
     */
    CallerScope readScope(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN) || user.roles().contains(Role.STREET_STAFF)) {
            return reviewScope(user);
        }
        if (user.roles().contains(Role.HOTLINE)) {
            return user.regionId() == null ? CallerScope.ALL : CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        if (user.roles().contains(Role.DINER)) {
            return CallerScope.ofDiners(accountService.dinerIdsActedForBy(user.username()));
        }
        throw new AccessDeniedException("no access to subsidy applications");
    }

    /** Whose applications the caller reviews: ADMIN its region's (a national ADMIN all), STREET_STAFF staff their street's. */
    CallerScope reviewScope(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN)) {
            return networkAccess.isNationalAdmin(user) ? CallerScope.ALL : CallerScope.inRegion(networkAccess.adminRegionPath(user));
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            return CallerScope.inRegion(streetRegion(user).path());
        }
        throw new AccessDeniedException("applications are reviewed by street staff and administrators");
    }

    /** Whether the caller reviews applications, and so sees their objections. */
    boolean isReviewer(CurrentUser user) {
        return user.roles().contains(Role.ADMIN) || user.roles().contains(Role.STREET_STAFF);
    }

    /** A STREET_STAFF account's subdistrict or town; an account without one (or scoped to another level) is refused. */
    private Region streetRegion(CurrentUser user) {
        Region region = user.regionId() == null ? null : regionService.require(user.regionId());
        if (region == null || (region.level() != RegionLevel.SUBDISTRICT && region.level() != RegionLevel.TOWN)) {
            throw new AccessDeniedException("a street account needs a subdistrict or town as its region");
        }
        return region;
    }
}
