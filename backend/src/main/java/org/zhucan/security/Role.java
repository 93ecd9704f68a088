package org.zhucan.security;

/** What a person may do in Zhucan; mirrors the schema's {@code Role} enum. */
public enum Role {
    ADMIN,
    FINANCE,
    OPERATOR,
    INSPECTOR,
    DINER
}
