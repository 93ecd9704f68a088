package org.zhucan.common.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;

/**
 * Which unique key a refused insert ran into, read from the database's message: MariaDB says
 * {@code Duplicate entry '7-2026-11-22-LUNCH' for key 'uk_meal_record_subsidy'}, MySQL 8 names the
 * key with its table ({@code 'meal_record.uk_meal_record_subsidy'}). The one place that reads it.
 */
public final class UniqueKeys {

    private static final Pattern KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");

    private UniqueKeys() {
    }

    /** The name of the key the insert violated, or "" when the message does not say. */
    public static String violated(DuplicateKeyException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher matcher = cause.getMessage() == null ? null : KEY.matcher(cause.getMessage());
            if (matcher != null && matcher.find()) {
                return matcher.group(1);
            }
        }
        return "";
    }

    /** Whether the insert violated this key. */
    public static boolean isViolated(DuplicateKeyException e, String key) {
        return violated(e).equals(key);
    }
}
