package org.zhucan.device;

import org.springframework.stereotype.Component;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.security.CurrentUser;

/**
 * Who may see a site's face terminals: its operator's staff and administrators. Registering,
 * rotating and disabling are for administrators alone, a role gate on the service.
 */
@Component
class FaceTerminalAccess {

    private final NetworkAccess networkAccess;

    FaceTerminalAccess(NetworkAccess networkAccess) {
        this.networkAccess = networkAccess;
    }

    /** Registering, rotating and disabling: ADMIN of a region that holds the site (a national ADMIN any). */
    void requireMayAdminister(CurrentUser user, Site site) {
        if (!networkAccess.administers(user, site)) {
            throw new org.springframework.security.access.AccessDeniedException("face terminals are managed by administrators of the site's region");
        }
    }

    void requireMayList(CurrentUser user, Site site) {
        networkAccess.requireStaffOf(user, site, "face terminals are for the site's staff and administrators");
    }
}
