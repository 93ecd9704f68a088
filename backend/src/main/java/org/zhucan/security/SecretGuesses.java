package org.zhucan.security;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Throttles guesses at a one-time secret that is not a password (a family invitation code) as
 * logins are throttled ({@link LoginThrottle}): each attempt is counted per client address, under
 * the purpose, before the secret is checked; one that must still wait is refused unchecked; a right
 * secret takes its attempt back. The address counter is the one logins use, so a client guessing
 * codes and passwords waits for both.
 */
@Component
public class SecretGuesses {

    private final LoginThrottle throttle;

    SecretGuesses(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Counts a guess from the address, or refuses it while the address must wait. */
    public Guess begin(String purpose, String clientAddress) {
        return new Guess(throttle.begin(purpose + ":" + clientAddress, clientAddress));
    }

    /** One counted (or refused) guess. */
    public final class Guess {

        private final LoginThrottle.Attempt attempt;

        private Guess(LoginThrottle.Attempt attempt) {
            this.attempt = attempt;
        }

        public boolean allowed() {
            return attempt.allowed();
        }

        /** When a refused guess may be made again. */
        public Instant retryAfter() {
            return attempt.retryAfter();
        }

        /** The secret was right: the guess does not count against the address. */
        public void succeeded() {
            throttle.succeeded(attempt);
        }
    }
}
