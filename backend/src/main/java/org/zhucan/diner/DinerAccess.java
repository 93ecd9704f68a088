package org.zhucan.diner;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.RegionService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Which diners a caller may see: the diner feature's scope rules in one place. SQL narrows by the
 * {@link CallerScope} they give. Registry changes are for administrators alone, a role gate on
 * {@link DinerWriteService}.
 */
@Component
class DinerAccess {

    private final RegionService regionService;
    private final AccountService accountService;

    DinerAccess(RegionService regionService, AccountService accountService) {
        this.regionService = regionService;
        this.accountService = accountService;
    }

    /**
     * ADMIN sees the diners living in its region (a national ADMIN all), FINANCE those living in its region, a family account its linked
     * diners, OPERATOR staff those who booked at its sites; anyone else is refused.
     */
    CallerScope readScope(CurrentUser user) {
        if (user.roles().contains(Role.ADMIN)) {
            return user.regionId() == null ? CallerScope.ALL : CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        if (user.roles().contains(Role.FINANCE) && user.regionId() != null) {
            return CallerScope.inRegion(regionService.require(user.regionId()).path());
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
