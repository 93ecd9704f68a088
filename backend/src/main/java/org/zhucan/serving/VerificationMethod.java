package org.zhucan.serving;

/** How the counter knew the diner. */
public enum VerificationMethod {
    ID_CARD,
    FACE,
    DINER_QR,
    STAFF_PROXY,
    FAMILY_PICKUP
}
