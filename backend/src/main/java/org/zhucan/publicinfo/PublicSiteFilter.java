package org.zhucan.publicinfo;

import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

/** The public site list's filter; status and kind are fixed (operating, serving diners). */
record PublicSiteFilter(Long regionId, MealSlot slot, Fulfilment fulfilment, String text) {
}
