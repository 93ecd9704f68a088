package org.zhucan.booking;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.diner.DinerService;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/** Who may book where and read which booking: the booking feature's scope rules in one place. */
@Component
class BookingAccess {

    private final SiteService siteService;
    private final NetworkAccess networkAccess;
    private final AccountService accountService;
    private final DinerService dinerService;

    BookingAccess(SiteService siteService, NetworkAccess networkAccess, AccountService accountService, DinerService dinerService) {
        this.siteService = siteService;
        this.networkAccess = networkAccess;
        this.accountService = accountService;
        this.dinerService = dinerService;
    }

    /**
     * Diners' accounts book for their diners, and the hotline for the diners of its region
     * (DinerService checks which); staff at their own sites; ADMIN at the sites of its region (a
     * national ADMIN anywhere).
     */
    void requireMayBookAt(CurrentUser user, Site site) {
        if (user.roles().contains(Role.DINER) || user.roles().contains(Role.HOTLINE) || isStaffOf(user, site)) {
            return;
        }
        throw new AccessDeniedException("only diners' accounts, the hotline, the site's staff and its region's administrators book meals there");
    }

    boolean isStaffOf(CurrentUser user, long siteId) {
        return networkAccess.isNationalAdmin(user) || isStaffOf(user, siteService.require(siteId));
    }

    /** Staff of the operator, or ADMIN of a region it works in (a national ADMIN any). */
    boolean isStaffOfOperator(CurrentUser user, long operatorId) {
        return networkAccess.isStaffOf(user, operatorId);
    }

    /** The path of the region a region's ADMIN administers, to narrow its reads to; null for anyone else. */
    String adminRegionPath(CurrentUser user) {
        return networkAccess.adminRegionPath(user);
    }

    /** Staff of the site's operator, or ADMIN of a region that holds the site. */
    boolean isStaffOf(CurrentUser user, Site site) {
        return networkAccess.isStaffOf(user, site);
    }

    /**
     * Staff of the booking's site (and its region's ADMIN), the accounts of its diner, and the
     * hotline if the diner is in its region.
     */
    boolean mayRead(CurrentUser user, Booking booking) {
        if (isStaffOf(user, booking.siteId())) {
            return true;
        }
        if (user.roles().contains(Role.HOTLINE)) {
            return dinerService.byIds(java.util.List.of(booking.dinerId())).containsKey(booking.dinerId());
        }
        return user.roles().contains(Role.DINER) && accountService.dinerIdsActedForBy(user.username()).contains(booking.dinerId());
    }
}
