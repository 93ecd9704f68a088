package org.zhucan.common.error;

import java.time.Duration;

import graphql.ErrorClassification;

/**
 * A caller sent more requests than its limit allows within the window (e.g. anonymous reads of
 * public information from one client address). The client sees {@code TOO_MANY_REQUESTS} with
 * {@code extensions.retryAfterSeconds}; nothing was read or changed.
 */
public class RateLimitedException extends RuntimeException {

    /** The classification of a rate-limited field: the same request may be sent again after the wait. */
    public enum Classification implements ErrorClassification {
        TOO_MANY_REQUESTS
    }

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
