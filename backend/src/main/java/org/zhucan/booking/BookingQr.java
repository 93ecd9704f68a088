package org.zhucan.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.stereotype.Component;
import org.zhucan.common.pii.PersonalDataCipher;

/**
 * The QR payload a booking shows at the counter, {@code ZC1.<id>.<pickup code>.<signature>}: signed
 * with the personal-data key, so that a payload cannot be made up for another booking.
 */
@Component
class BookingQr {

    static final String PREFIX = "ZC1.";

    private final PersonalDataCipher cipher;

    BookingQr(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    String payload(Booking booking) {
        return payload(booking.id(), booking.pickupCode());
    }

    String payload(long bookingId, String pickupCode) {
        return PREFIX + bookingId + "." + pickupCode + "." + signature(bookingId + "." + pickupCode);
    }

    /** What a payload whose signature holds names. */
    record Named(long bookingId, String pickupCode) {
    }

    /** The booking and pickup code a payload names when its signature holds; null for a forged or mangled one. */
    Named named(String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = payload.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{6}")) {
            return null;
        }
        byte[] expected = signature(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return new Named(Long.parseLong(parts[0]), parts[1]);
    }

    private String signature(String signed) {
        return cipher.lookupHash("booking-qr:" + signed).substring(0, 16);
    }
}
