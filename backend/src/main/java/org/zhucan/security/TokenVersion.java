package org.zhucan.security;

/**
 * What every token of an account must match: the account's current token version, and that it
 * is enabled. Cached in Redis as {@code <version>:1} (enabled) or {@code <version>:0} (disabled).
 */
record TokenVersion(long version, boolean enabled) {

    /** Whether a token that names this version is still good. */
    boolean accepts(long tokenVersion) {
        return enabled && version == tokenVersion;
    }

    String cached() {
        return version + (enabled ? ":1" : ":0");
    }

    /** The cached form read back; null for anything else (then the database answers). */
    static TokenVersion fromCache(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon != value.length() - 2) {
            return null;
        }
        try {
            return new TokenVersion(Long.parseLong(value.substring(0, colon)), value.charAt(colon + 1) == '1');
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
