package org.zhucan.common.pii;

/** How personal numbers look to callers whose role does not need them in full. */
public final class Masking {

    private Masking() {
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two characters. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int length = phone.length();
        if (length >= 8) {
            return phone.substring(0, 3) + "*".repeat(length - 7) + phone.substring(length - 4);
        }
        return "*".repeat(Math.max(0, length - 2)) + phone.substring(Math.max(0, length - 2));
    }

    /**
     * {@code 王秀兰} → {@code 王*兰}, {@code 李明} → {@code 李*}, {@code 欧阳秀兰} → {@code 欧**兰}: the first and (from three
     * characters on) the last character, as publicity lists (公示) show a name.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length <= 1) {
            return "*";
        }
        String first = new String(chars, 0, 1);
        if (chars.length == 2) {
            return first + "*";
        }
        return first + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
    }

    /** {@code 伊滨区诸葛镇X村3组12号} → {@code 伊滨区诸葛镇****}: enough to tell addresses apart, not to find the door. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.strip();
        return trimmed.substring(0, Math.min(6, trimmed.length() / 2)) + "****";
    }
}
