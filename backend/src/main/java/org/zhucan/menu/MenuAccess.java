package org.zhucan.menu;

import org.springframework.stereotype.Component;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.security.CurrentUser;

/**
 * Who may write dishes and menus: ADMIN those of operators working in its region (a national ADMIN
 * any); OPERATOR staff their own operator's dishes and their
 * own sites' menus. Published menus are for every logged-in role.
 */
@Component
class MenuAccess {

    private static final String REFUSAL = "menus of another operator";

    private final NetworkAccess networkAccess;

    MenuAccess(NetworkAccess networkAccess) {
        this.networkAccess = networkAccess;
    }

    void requireMayWriteDishesOf(CurrentUser user, long operatorId) {
        networkAccess.requireStaffOf(user, operatorId, REFUSAL);
    }

    void requireMayWriteMenusAt(CurrentUser user, Site site) {
        networkAccess.requireStaffOf(user, site, REFUSAL);
    }
}
