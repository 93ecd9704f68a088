package org.zhucan.network;

import org.zhucan.common.money.Money;

/** A way a site hands meals over, and what the diner pays for it. */
public record SiteFulfilment(long siteId, Fulfilment mode, Money fee) {

    /** The same fulfilment, for another site (e.g. one just inserted). */
    SiteFulfilment of(long otherSiteId) {
        return new SiteFulfilment(otherSiteId, mode, fee);
    }
}
