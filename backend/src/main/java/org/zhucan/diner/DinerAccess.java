package org.zhucan.diner;

import java.util.Collection;
import java.util.List;
import java.util.Set;

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
 * Which diners a caller may see and register: the diner feature's scope rules in one place. SQL
 * narrows by the {@link CallerScope} they give. Registry changes are for administrators, but
 * street and town staff register diners living in their own subdistrict or town.
 */
@Component
class DinerAccess {

    private final RegionService regionService;
    private final AccountService accountService;
    private final NetworkAccess networkAccess;

    DinerAccess(RegionService regionService, AccountService accountService, NetworkAccess networkAccess) {
        this.regionService = regionService;
        this.accountService = accountService;
        this.networkAccess = networkAccess;
    }

    /**
     * ADMIN sees the diners living in its region (a national ADMIN all), FINANCE those living in its region, STREET_STAFF staff those of their
     * subdistrict or town, HOTLINE staff those of their region (all when the account has none), a
     * family account its linked diners, OPERATOR staff those who booked at its sites; anyone else is
     * refused.
     */
    CallerScope readScope(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN)) {
            return user.regionId() == null ? CallerScope.ALL : CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        if (user.roles().contains(Role.FINANCE) && user.regionId() != null) {
            return CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            return CallerScope.inRegion(streetRegion(user).path());
        }
        if (user.roles().contains(Role.HOTLINE)) {
            return user.regionId() == null ? CallerScope.ALL : CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        if (user.roles().contains(Role.DINER)) {
            return CallerScope.ofDiners(accountService.dinerIdsActedForBy(user.username()));
        }
        if (user.roles().contains(Role.OPERATOR)) {
            return user.operatorId() == null ? CallerScope.ofDiners(List.of()) : CallerScope.ofOperator(user.operatorId());
        }
        throw new AccessDeniedException("no access to diners");
    }

    /**
     * Whether the caller may register (or move) a diner living in this community: ADMIN within its
     * region (a national ADMIN anywhere), STREET_STAFF staff in their own subdistrict or town; refused
     * otherwise, with the reason.
     */
    void requireMayRegisterIn(CurrentUser user, Region community) {
        if (user.roles().contains(Role.ADMIN)) {
            if (!networkAccess.administers(user, community)) {
                throw new AccessDeniedException("the community is outside the administrator's region");
            }
            return;
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            if (!community.path().startsWith(streetRegion(user).path())) {
                throw new AccessDeniedException("street staff register diners living in their own subdistrict or town");
            }
            return;
        }
        throw new AccessDeniedException("diners are registered by administrators and street staff");
    }

    /**
     * Whether the caller may assess the diners living in this region, and read its due list of
     * reassessments (能力评估): ADMIN within its region (a national ADMIN anywhere), STREET_STAFF staff
     * within their own subdistrict or town; refused otherwise, with the reason.
     */
    void requireMayAssessIn(CurrentUser user, Region region) {
        if (user.roles().contains(Role.ADMIN)) {
            if (!networkAccess.administers(user, region)) {
                throw new AccessDeniedException("the region is outside the administrator's region");
            }
            return;
        }
        if (user.roles().contains(Role.STREET_STAFF)) {
            if (!region.path().startsWith(streetRegion(user).path())) {
                throw new AccessDeniedException("street staff assess diners living in their own subdistrict or town");
            }
            return;
        }
        throw new AccessDeniedException("ability assessments are for administrators and street staff");
    }

    /** A STREET_STAFF account's subdistrict or town; an account without one (or scoped to another level) is refused. */
    private Region streetRegion(CurrentUser user) {
        Region region = user.regionId() == null ? null : regionService.require(user.regionId());
        if (region == null || (region.level() != RegionLevel.SUBDISTRICT && region.level() != RegionLevel.TOWN)) {
            throw new AccessDeniedException("a street account needs a subdistrict or town as its region");
        }
        return region;
    }

    /**
     * Whom the caller may quote a meal for: counter staff any diner at the counter; a family account
     * only its own diners; ADMIN and FINANCE as they read.
     */
    CallerScope quoteScope(CurrentUser user) {
        return user.roles().contains(Role.OPERATOR) && !user.roles().contains(Role.DINER) ? CallerScope.ALL : readScope(user);
    }

    /**
     * Of these diners, those whose meal card the caller may see: the diner's own accounts and counter
     * staff (and ADMIN, whose read scope has already kept the diners of its region only).
     */
    Collection<Long> mealCardsShown(CurrentUser user, Collection<Long> dinerIds) {
        if (user.roles().contains(Role.OPERATOR) || user.roles().contains(Role.ADMIN)) {
            return dinerIds;
        }
        if (user.roles().contains(Role.DINER) && !dinerIds.isEmpty()) {
            Set<Long> own = Set.copyOf(accountService.dinerIdsActedForBy(user.username()));
            return dinerIds.stream().filter(own::contains).toList();
        }
        return List.of();
    }
}
