package org.zhucan.serving;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;

/** Who may do what with meal records: the site's staff record them; staff, finance and administrators read them in their scope. */
@Component
class ServingAccess {

    private final SiteService siteService;
    private final NetworkAccess networkAccess;

    ServingAccess(SiteService siteService, NetworkAccess networkAccess) {
        this.siteService = siteService;
        this.networkAccess = networkAccess;
    }

    /** ADMIN, or staff of the site's operator. */
    void requireStaffOf(CurrentUser user, Site site) {
        if (networkAccess.isStaffOf(user, site)) {
            return;
        }
        throw new AccessDeniedException("only the site's staff record meals there");
    }

    boolean mayRead(CurrentUser user, MealRecord record) {
        CallerScope scope;
        try {
            scope = readScope(user);
        } catch (AccessDeniedException e) {
            return false;
        }
        return scope.operatorId() == null && scope.regionPath() == null || networkAccess.covers(scope, siteService.require(record.siteId()));
    }

    /** OPERATOR staff: their operator's sites; FINANCE: its region; ADMIN: all. */
    CallerScope readScope(CurrentUser user) {
        return networkAccess.staffScope(user, "meal records are for the site's staff, finance and administrators");
    }
}
