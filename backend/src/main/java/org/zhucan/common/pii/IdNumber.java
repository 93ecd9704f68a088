package org.zhucan.common.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A resident identity card number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit
 * birth date, 3-digit sequence whose last digit is odd for men, and a MOD 11-2 check character
 * (0-9 or X). Only the 18-character form is accepted: a 15-digit legacy number has no check
 * character and a two-digit year, so it cannot be verified.
 */
public final class IdNumber {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private IdNumber(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /** Male or female, as the sequence number's last digit says. */
    public enum Sex {
        MALE,
        FEMALE
    }

    /**
     * Reads and checks a number; spaces are ignored and a lower-case x is read as X.
     *
     * @throws InvalidIdNumberException with a message a person at the counter can act on; the
     *     message never repeats the number
     */
    public static IdNumber parse(String text) {
        String value = text == null ? "" : text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (value.length() == 15 && value.chars().allMatch(Character::isDigit)) {
            throw new InvalidIdNumberException(
                    "A 15-digit ID number is the old form and cannot be checked; use the 18-character number on the current ID card");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidIdNumberException("An ID number has 18 characters: 17 digits and a last digit or X");
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidIdNumberException("The ID number's last character does not match the others (GB 11643 check); look for a typing slip");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdNumberException("The ID number's birth date (characters 7-14) is not a real date");
        }
        if (birthDate.getYear() < 1880) {
            throw new InvalidIdNumberException("The ID number's birth year is before 1880");
        }
        Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new IdNumber(value, birthDate, sex);
    }

    /** The MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The full number: only for encryption, hashing and the audited reveal. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** Address code and the last four characters, the rest hidden: {@code 410305********123X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    /** Never the number itself, so that a stray log line cannot leak it. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** A number that is not a valid 18-character ID number. */
    public static class InvalidIdNumberException extends IllegalArgumentException {
        InvalidIdNumberException(String message) {
            super(message);
        }
    }
}
