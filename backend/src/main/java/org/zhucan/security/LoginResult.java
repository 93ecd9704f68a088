package org.zhucan.security;

import java.time.Instant;
import java.util.List;

import org.zhucan.common.error.UserError;

/** The {@code LoginPayload}: a token, or the user errors that explain why there is none. */
public record LoginResult(String token, Instant expiresAt, List<UserError> userErrors) {

    static LoginResult failed(UserError error) {
        return new LoginResult(null, null, List.of(error));
    }
}
