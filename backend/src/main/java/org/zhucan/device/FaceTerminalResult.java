package org.zhucan.device;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of disableFaceTerminal. */
public record FaceTerminalResult(FaceTerminal terminal, List<UserError> userErrors) {

    static FaceTerminalResult failed(UserError error) {
        return new FaceTerminalResult(null, List.of(error));
    }
}
