package org.zhucan.serving;

/** Why a record, or a site's day, needs review. None of them blocks a meal. */
public enum MealRecordFlagCode {
    TWO_SITES_WITHIN_HOUR,
    DINER_NOT_ACTIVE,
    OUTSIDE_SERVING_HOURS,
    /** A site's day: computed when read, never stored, since every meal changes the share. */
    STAFF_PROXY_SHARE
}
