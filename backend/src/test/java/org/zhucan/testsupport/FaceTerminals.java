package org.zhucan.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Face terminals for tests, made through the API: registered and rotated by an ADMIN tester, with
 * the key the payload shows once, and tokens signed with it the way a terminal signs them (written
 * here from the documented format, not borrowed from the server's code, so a server that drifted
 * from the format fails the tests).
 */
public final class FaceTerminals {

    private FaceTerminals() {
    }

    /** A terminal as a device holds it: its id, and the key version and key it signs with. */
    public record Terminal(String id, int keyVersion, String key) {

        /** A fresh token naming the diner, signed at the instant given (whole seconds), with a random nonce. */
        public String token(String dinerId, Instant signedAt) {
            return sign(id, keyVersion, key, dinerId, signedAt.getEpochSecond(), UUID.randomUUID().toString().replace("-", ""));
        }
    }

    /** Registers a terminal to the site with a fresh serial number; returns it with the key from the payload. */
    public static Terminal register(HttpGraphQlTester admin, String siteId) {
        GraphQlTester.Response response = admin.documentName("fixtureRegisterFaceTerminal")
                .variable("input", Map.of("siteId", siteId, "name", "窗口终端", "serialNumber", "SN-" + UUID.randomUUID())).execute();
        response.path("registerFaceTerminal.userErrors").entityList(Object.class).hasSize(0);
        return new Terminal(response.path("registerFaceTerminal.terminal.id").entity(String.class).get(),
                response.path("registerFaceTerminal.keyVersion").entity(Integer.class).get(),
                response.path("registerFaceTerminal.secretKey").entity(String.class).get());
    }

    /** Rotates the terminal's key; returns it with the new version and key from the payload. */
    public static Terminal rotate(HttpGraphQlTester admin, Terminal terminal) {
        GraphQlTester.Response response = admin.documentName("fixtureRotateFaceTerminalKey")
                .variable("input", Map.of("terminalId", terminal.id())).execute();
        response.path("rotateFaceTerminalKey.userErrors").entityList(Object.class).hasSize(0);
        return new Terminal(terminal.id(), response.path("rotateFaceTerminalKey.keyVersion").entity(Integer.class).get(),
                response.path("rotateFaceTerminalKey.secretKey").entity(String.class).get());
    }

    /** Disables the terminal, e.g. when it is lost: its tokens are refused from then on. */
    public static void disable(HttpGraphQlTester admin, String terminalId, String reason) {
        admin.documentName("fixtureDisableFaceTerminal").variable("input", Map.of("terminalId", terminalId, "reason", reason)).execute()
                .path("disableFaceTerminal.userErrors").entityList(Object.class).hasSize(0);
    }

    /** {@code zf1.<terminalId>.<keyVersion>.<dinerId>.<signedAt>.<nonce>.<base64url HMAC-SHA256 of the rest>}. */
    public static String sign(String terminalId, int keyVersion, String hexKey, String dinerId, long signedAtEpochSeconds, String nonce) {
        String signed = "zf1." + terminalId + "." + keyVersion + "." + dinerId + "." + signedAtEpochSeconds + "." + nonce;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
