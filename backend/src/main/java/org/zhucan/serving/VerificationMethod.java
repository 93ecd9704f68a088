package org.zhucan.serving;

/** How the counter knew the diner. */
public enum VerificationMethod {
    ID_CARD,
    FACE,
    DINER_QR,
    STAFF_PROXY,
    FAMILY_PICKUP,
    /** Delivered to the diner's home and confirmed by the courier (issue 21); never sent by a counter. */
    DELIVERY
}
