package org.zhucan.network;

/** What a site is; a central kitchen cooks for other sites and serves no diners. */
public enum SiteKind {
    CANTEEN,
    MEAL_POINT,
    DINING_TABLE,
    MUTUAL_AID_POINT,
    CENTRAL_KITCHEN
}
