package org.zhucan.booking;

import java.util.Set;

import org.zhucan.security.Role;

/** How a booking reached Zhucan (订餐渠道); mirrors the schema's {@code BookingChannel} enum. */
public enum BookingChannel {
    /** The diner or a family member, in the mini-program (小程序). */
    MINI_PROGRAM,
    /** The site's staff at the counter, for a diner in front of them (柜台代订). */
    COUNTER,
    /** The elderly-service hotline, for a diner on the phone (为老服务热线代订). */
    HOTLINE,
    /** An administrator in the web console (管理后台). */
    CONSOLE,
    /** The recurring-booking job (周期订餐). */
    RECURRING;

    /** The channel of a booking made by a caller with these roles: the staff role that acts on the diner's behalf first. */
    static BookingChannel of(Set<Role> roles) {
        if (roles.contains(Role.HOTLINE)) {
            return HOTLINE;
        }
        if (roles.contains(Role.OPERATOR)) {
            return COUNTER;
        }
        if (roles.contains(Role.ADMIN)) {
            return CONSOLE;
        }
        return MINI_PROGRAM;
    }

    /** Whether staff made it for the diner, who could then give a call or counter reference. */
    boolean staffOnBehalf() {
        return this == COUNTER || this == HOTLINE;
    }
}
