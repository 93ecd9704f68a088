package org.zhucan.common.pii;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Names that may be personal numbers, kept out of the audit log and out of Redis keys. A login
 * username can be anything a person typed: their ID number, their phone number, even their
 * password in the wrong field. Such a name is replaced by a pseudonym: {@code hmac:} and the first
 * 40 hex digits of a keyed hash ({@link PersonalDataCipher#lookupHash}), stable for one key, so the
 * rows of one name still find each other, while the log holds nothing a list of ID or phone
 * numbers could be matched against without the key.
 */
@Component
public class Pseudonyms {

    /** What a pseudonym starts with; an account name never does (see {@link #isPseudonym}). */
    public static final String PREFIX = "hmac:";

    // GB 11643 shape (17 digits and a digit or X; the check digit is not tested: a mistyped number is as personal),
    // the 15-digit legacy ID form, and a mainland mobile number with or without +86 / 0086.
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9x]|[0-9]{15}");
    private static final Pattern PHONE = Pattern.compile("(?:\\+?86|0086)?(1[0-9]{10})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    // hashed names of one kind must not equal the diner table's look-up hashes of the same numbers
    private static final String DOMAIN = "pseudonym:";

    private final PersonalDataCipher cipher;

    public Pseudonyms(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The form names are compared in: trimmed and lower case (MySQL compares usernames without
     * case); a number-like name also without spaces, dashes and a +86 prefix, so that
     * {@code 138-0013-8000} and {@code +8613800138000} are one name.
     */
    public static String normalise(String name) {
        String trimmed = name.strip().toLowerCase(Locale.ROOT);
        String compact = SEPARATORS.matcher(trimmed).replaceAll("");
        if (ID_NUMBER.matcher(compact).matches()) {
            return compact;
        }
        var phone = PHONE.matcher(compact);
        return phone.matches() ? phone.group(1) : trimmed;
    }

    /** Whether a name has the shape of an ID number (18 or 15 characters) or of a mobile phone number. */
    public static boolean looksPersonal(String name) {
        String normalised = normalise(name);
        return ID_NUMBER.matcher(normalised).matches() || PHONE.matcher(normalised).matches();
    }

    public static boolean isPseudonym(String name) {
        return name.startsWith(PREFIX);
    }

    /** The pseudonym of a name (of its normalised form): {@code hmac:} and 40 hex digits, 45 characters. */
    public String of(String name) {
        return PREFIX + cipher.lookupHash(DOMAIN + normalise(name)).substring(0, 40);
    }

    /** The name itself, unless it looks like an ID or phone number: then its pseudonym. */
    public String unlessPersonal(String name) {
        return name == null || isPseudonym(name) || !looksPersonal(name) ? name : of(name);
    }
}
