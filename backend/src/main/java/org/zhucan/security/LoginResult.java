package org.zhucan.security;

import java.time.Instant;
import java.util.List;

import org.zhucan.common.error.UserError;

/**
 * The {@code LoginPayload}: a token, or the user errors that explain why there is none, and for
 * a throttled attempt when to try again.
 */
public record LoginResult(String token, Instant expiresAt, Instant retryAfter, List<UserError> userErrors) {

    static LoginResult succeeded(String token, Instant expiresAt) {
        return new LoginResult(token, expiresAt, null, List.of());
    }

    static LoginResult failed(UserError error) {
        return new LoginResult(null, null, null, List.of(error));
    }

    static LoginResult throttled(UserError error, Instant retryAfter) {
        return new LoginResult(null, null, retryAfter, List.of(error));
    }
}
