package org.zhucan.device;

import java.util.List;

import org.zhucan.common.error.UserError;

/**
 * The payload of registerFaceTerminal and rotateFaceTerminalKey: the terminal with the key just
 * generated, the only time the key leaves the server in clear.
 *
 * @param secretKey the 256-bit key as 64 hex digits
 */
public record FaceTerminalKeyResult(FaceTerminal terminal, String secretKey, Integer keyVersion, List<UserError> userErrors) {

    static FaceTerminalKeyResult failed(UserError error) {
        return new FaceTerminalKeyResult(null, null, null, List.of(error));
    }

    @Override
    public String toString() {
        return "FaceTerminalKeyResult[" + terminal + ", v" + keyVersion + ", " + userErrors + "]"; // never the key
    }
}
