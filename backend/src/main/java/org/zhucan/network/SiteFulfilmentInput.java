package org.zhucan.network;

import org.zhucan.common.money.Money;

/** A way a site serves (dine-in, pick-up, delivery) as createSite and updateSite take it. */
public record SiteFulfilmentInput(Fulfilment mode, Money fee) {
}
