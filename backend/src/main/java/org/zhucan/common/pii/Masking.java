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

    /** {@code 伊滨区诸葛镇X村3组12号} → {@code 伊滨区诸葛镇****}: enough to tell addresses apart, not to find the door. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.strip();
        return trimmed.substring(0, Math.min(6, trimmed.length() / 2)) + "****";
    }
}
