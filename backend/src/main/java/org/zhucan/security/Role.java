package org.zhucan.security;

/** What a person may do in Zhucan; mirrors the schema's {@code Role} enum. */
public enum Role {
    ADMIN,
    FINANCE,
    OPERATOR,
    INSPECTOR,
    DINER,
    /** Street and town staff (镇街工作人员): register and see the diners and sites of their SUBDISTRICT or TOWN; no money actions. */
    STREET_STAFF,
    /** The elderly-service hotline (为老服务热线): books, cancels and rates on a diner's behalf by phone, within its region if it has one. */
    HOTLINE
}
