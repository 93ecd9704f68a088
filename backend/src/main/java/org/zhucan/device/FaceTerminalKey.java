package org.zhucan.device;

import java.time.Instant;

/**
 * One version of a terminal's key, as stored: the secret sealed by PersonalDataCipher.
 *
 * @param retiredAt when the next version replaced it; null for the current one
 */
record FaceTerminalKey(long terminalId, int version, String secret, String createdBy, Instant createdAt, Instant retiredAt) {

    @Override
    public String toString() {
        return "FaceTerminalKey[" + terminalId + " v" + version + "]"; // never the (sealed) secret
    }
}
