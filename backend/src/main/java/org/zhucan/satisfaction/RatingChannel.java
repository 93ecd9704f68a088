package org.zhucan.satisfaction;

import java.util.Set;

import org.zhucan.security.Role;

/** How a rating reached Zhucan (评价渠道); mirrors the schema's {@code RatingChannel} enum. */
public enum RatingChannel {
    /** The diner or a family member, in the mini-program (小程序). */
    MINI_PROGRAM,
    /** The site's staff at the counter, entering what the diner said (柜台代评). */
    COUNTER,
    /** The elderly-service hotline, entering what the diner said on the phone (热线代评). */
    HOTLINE;

    /** The channel of a rating given by a caller with these roles; null when none of them rates. */
    static RatingChannel of(Set<Role> roles) {
        if (roles.contains(Role.HOTLINE)) {
            return HOTLINE;
        }
        if (roles.contains(Role.DINER)) {
            return MINI_PROGRAM;
        }
        if (roles.contains(Role.OPERATOR)) {
            return COUNTER;
        }
        return null;
    }
}
