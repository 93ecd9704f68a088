package org.zhucan.publicinfo;

import java.math.BigDecimal;

import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;

/** An operating site as the public sees it: no licence, history or staff; its operator, slots, fulfilment and menus are batched. */
record PublicSite(long id, String name, SiteKind kind, long communityId, long operatorId, String address, BigDecimal latitude,
                  BigDecimal longitude) {

    static PublicSite of(Site site) {
        return new PublicSite(site.id(), site.name(), site.kind(), site.communityId(), site.operatorId(), site.address(), site.latitude(),
                site.longitude());
    }
}
