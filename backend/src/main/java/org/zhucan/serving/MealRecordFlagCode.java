package org.zhucan.serving;

/** Why a record, or a site's day, needs review. None of them blocks a meal. */
public enum MealRecordFlagCode {
    TWO_SITES_WITHIN_HOUR,
    DINER_NOT_ACTIVE,
    OUTSIDE_SERVING_HOURS,
    /** Served after the day of a death recorded later; set by {@link DepartedDinerMeals}, on the record and its replacement. */
    AFTER_DEATH,
    /** Served after the day of a move-out recorded later; as {@link #AFTER_DEATH}. */
    AFTER_MOVE_OUT,
    /** A site's day: computed when read, never stored, since every meal changes the share. */
    STAFF_PROXY_SHARE
}
