package org.zhucan.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Keeps a subscription's token under the same rule as a request's: once its account is disabled or
 * its roles or scope change, the token stops working. A request is checked when it arrives; a
 * subscription lives on a token checked once, at connection_init or when the SSE stream opened, so
 * it is checked again before each event it would send: the first event after a revocation ends it
 * with UNAUTHORIZED instead (one token-version read per event, cached in Redis like a request's).
 */
@Component
public class LiveTokens {

    private final TokenVersionValidator validator;

    LiveTokens(TokenVersions versions) {
        this.validator = new TokenVersionValidator(versions);
    }

    /** The events, for as long as the caller's token (of the current request) stays valid. */
    public <T> Flux<T> whileValid(Flux<T> events) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            // every root field but login requires a token, so a subscription never gets here without one
            throw new IllegalStateException("a subscription without a bearer token");
        }
        return events.handle((event, sink) -> {
            if (validator.validate(token).hasErrors()) {
                sink.error(new Revoked());
            } else {
                sink.next(event);
            }
        });
    }

    /** The token of a live subscription was revoked: its holder logs in again and subscribes anew. */
    public static final class Revoked extends AuthenticationException {
        Revoked() {
            super("The token was revoked: the account was disabled or its roles or scope changed; log in again");
        }
    }
}
