package org.zhucan.accounts;

import java.security.SecureRandom;

/**
 * Random secrets shown once: one-time passwords and family invitation codes, from an alphabet
 * without look-alikes (no 0/O, 1/I/L), grouped by dashes to read out over the phone.
 */
final class OneTimeCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeCodes() {
    }

    /** A one-time password: 16 characters in four groups, about 79 bits. */
    static String password() {
        return groups("", 4);
    }

    /** A family invitation code: ZC- and 12 characters in three groups, about 59 bits. */
    static String invitation() {
        return groups("ZC-", 3);
    }

    /** A typed code as stored: upper case, without spaces. */
    static String normalize(String code) {
        return code == null ? "" : code.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String groups(String prefix, int count) {
        StringBuilder code = new StringBuilder(prefix);
        for (int group = 0; group < count; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < 4; i++) {
                code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return code.toString();
    }
}
