package org.zhucan.common.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal numbers (ID and phone numbers) for storage and hashes them for look-up.
 *
 * <p>Stored form: {@code v1:} + base64(12-byte random IV ‖ AES-256-GCM ciphertext and tag). A
 * changed byte, or another key, fails to decrypt instead of yielding a wrong number. Look-up hash:
 * HMAC-SHA256 under a key derived from the same secret, so equal numbers find each other without
 * the table holding anything a dictionary of ID numbers could reverse.
 */
@Component
public class PersonalDataCipher {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] LOOKUP_KEY_LABEL = "zhucan:lookup-hash:v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey encryptionKey;
    private final SecretKey lookupKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PiiProperties properties) {
        byte[] key = Base64.getDecoder().decode(properties.key().trim());
        if (key.length != 32) {
            throw new IllegalStateException("ZHUCAN_PII_KEY must be base64 of exactly 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(key, "AES");
        this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), LOOKUP_KEY_LABEL), "HmacSHA256");
    }

    public String encrypt(String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * @throws PersonalDataException when the text was not sealed by this key or was altered;
     *     its message never contains the text
     */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new PersonalDataException("not an encrypted value of this application");
        }
        try {
            byte[] packed = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (packed.length <= IV_BYTES) {
                throw new PersonalDataException("encrypted value is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, packed, 0, IV_BYTES));
            return new String(cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new PersonalDataException("encrypted value does not open with this key (altered, or another key)");
        }
    }

    /** A stable keyed hash of a normalised number (hex, 64 characters), for unique keys and look-up. */
    public String lookupHash(String normalised) {
        return HexFormat.of().formatHex(hmac(lookupKey, normalised.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKey key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** A stored personal value that cannot be opened. */
    public static class PersonalDataException extends RuntimeException {
        PersonalDataException(String message) {
            super(message);
        }
    }
}
