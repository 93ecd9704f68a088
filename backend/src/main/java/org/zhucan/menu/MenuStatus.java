package org.zhucan.menu;

/** A menu is prepared as a DRAFT and shown to diners once PUBLISHED. */
public enum MenuStatus {
    DRAFT,
    PUBLISHED
}
