package org.zhucan.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A token a face terminal signs when it recognises a diner:
 * {@code zf1.<terminalId>.<keyVersion>.<dinerId>.<signedAtEpochSeconds>.<nonce>.<mac>}, where the
 * nonce is 8 to 64 characters of {@code [A-Za-z0-9_-]} (so two recognitions in one second differ)
 * and the mac is the unpadded base64url HMAC-SHA256, under the key of that version, of everything
 * before the last dot. Numbers are written without leading zeros.
 *
 * @param signed the part the mac covers
 */
record FaceToken(long terminalId, int keyVersion, long dinerId, Instant signedAt, String signed, String mac) {

    static final int MAX_LENGTH = 256;
    private static final Pattern FORM = Pattern.compile(
            "(zf1\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,8})\\.([1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,11})\\.[A-Za-z0-9_-]{8,64})\\.([A-Za-z0-9_-]{43})");

    /** The token's fields, or null when it is not of the zf1 form. */
    static FaceToken parse(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = FORM.matcher(token);
        if (!matcher.matches()) {
            return null;
        }
        return new FaceToken(Long.parseLong(matcher.group(2)), Integer.parseInt(matcher.group(3)), Long.parseLong(matcher.group(4)),
                Instant.ofEpochSecond(Long.parseLong(matcher.group(5))), matcher.group(1), matcher.group(6));
    }

    /**
     * Whether the key signed it. The expected mac is compared as its canonical text in constant time:
     * a token whose base64url differs only in unused trailing bits is a different string, and would
     * otherwise count again as a "new" token for the same signature.
     */
    boolean signedWith(byte[] key) {
        return MessageDigest.isEqual(mac(key, signed).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    static String mac(byte[] key, String signed) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "FaceToken[terminal " + terminalId + " v" + keyVersion + "]"; // a token is a credential until used
    }
}
