package org.zhucan.booking;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.diner.DinerService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/** Who may book where and read which booking: the booking feature's scope rules in one place. */
@Component
class BookingAccess {

    private final SiteService siteService;
    private final AccountService accountService;
    private final DinerService dinerService;

    BookingAccess(SiteService siteService, AccountService accountService, DinerService dinerService) {
        this.siteService = siteService;
        this.accountService = accountService;
        this.dinerService = dinerService;
    }

    /**
     * Diners' accounts book for their diners, and the hotline for the diners of its region (DinerService
     * checks which); staff at their own sites; ADMIN anywhere.
     */
    void requireMayBookAt(CurrentUser user, Site site) {
        if (user.roles().contains(Role.ADMIN) || user.roles().contains(Role.DINER) || user.roles().contains(Role.HOTLINE)
                || isStaffOf(user, site)) {
            return;
        }
        throw new AccessDeniedException("only diners' accounts and the site's staff book meals there");
    }

    boolean isStaffOf(CurrentUser user, long siteId) {
        return user.roles().contains(Role.ADMIN) || isStaffOf(user, siteService.require(siteId));
    }

    static boolean isStaffOf(CurrentUser user, Site site) {
        return user.roles().contains(Role.ADMIN)
                || user.actsForOperator(site.operatorId());
    }

    /** Staff of the booking's site (and ADMIN), the accounts of its diner, and the hotline if the diner is in its region. */
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
