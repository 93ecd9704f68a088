package org.zhucan.common.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.Sha256;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys of device mutations (book, cancel, log meals, offline upload). A mutation claims
 * its key in its own transaction, before it changes anything: a concurrent repeat then waits on the
 * key's row and, once the first commits, reads the first result; if the first rolled back (it
 * failed with user errors), the repeat runs as a new request. Keys are per account and expire
 * after 24 hours.
 */
@Component
public class IdempotencyKeys {

    public static final Duration LIFETIME = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final IdempotencyKeyMapper mapper;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyKeys(IdempotencyKeyMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /** The user error for a key not of the accepted form. */
    public static UserError malformedKey() {
        return UserError.of(UserErrorCode.INVALID_INPUT, "An idempotency key is 8 to 64 letters, digits, - or _", "input", "idempotencyKey");
    }

    /** The user error for a key used before with another input or operation. */
    public static UserError reusedKey() {
        return UserError.of(UserErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This idempotency key was used for a different request; make a new key for a new request", "input", "idempotencyKey");
    }

    /** Whether a client's key has the accepted form: 8 to 64 letters, digits, - or _. */
    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * Claims a key for an operation and its input (without the key itself). Must run inside the
     * mutation's transaction, so that the claim commits or rolls back with what the mutation did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Claim claim(String username, String key, String operation, Object inputWithoutKey) {
        String requestHash = Sha256.hex(operation + "\n" + json.writeValueAsString(inputWithoutKey));
        Instant now = clock.instant();
        mapper.deleteExpired(username, key, now);
        try {
            mapper.insert(username, key, operation, requestHash, now, now.plus(LIFETIME));
            return new Claim(username, key, Claim.Kind.NEW, null);
        } catch (DuplicateKeyException firstCommitted) {
            IdempotencyKeyMapper.KeyRow first = mapper.findForUpdate(username, key);
            if (first == null || first.resultId() == null) {
                // the first request's row vanished (expired and swept meanwhile): nothing to repeat
                throw new IllegalStateException("idempotency key " + key + " disappeared while being claimed");
            }
            boolean sameRequest = first.operation().equals(operation) && first.requestHash().equals(requestHash);
            return new Claim(username, key, sameRequest ? Claim.Kind.REPEAT : Claim.Kind.REUSED, first.resultId());
        }
    }

    /**
     * Runs a device mutation once per account and key, inside the caller's transaction: a malformed
     * key or one reused for another input fails, a repeat returns the first result, and a new
     * request runs {@code work}. A result without an id (user errors) marks the caller's
     * transaction rollback-only, so whatever it took (counters, the key itself) is given back and
     * the same key can try again.
     */
    public <R> R once(String username, String key, String operation, Object inputWithoutKey, Outcomes<R> outcomes,
                      java.util.function.Supplier<R> work) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an idempotent mutation runs inside its own transaction");
        }
        if (!isWellFormed(key)) {
            return outcomes.failed().apply(malformedKey());
        }
        Claim claim = claim(username, key, operation, inputWithoutKey);
        if (claim.kind() == Claim.Kind.REUSED) {
            return outcomes.failed().apply(reusedKey());
        }
        if (claim.kind() == Claim.Kind.REPEAT) {
            return outcomes.repeat().apply(claim.resultId());
        }
        R result = work.get();
        Long resultId = outcomes.resultId().apply(result);
        if (resultId == null) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return result;
        }
        complete(claim, resultId);
        return result;
    }

    /**
     * How a mutation's results look: one that failed with a user error, the first result again
     * (by the id {@link #complete} stored), and the id to store for a result (null when it failed).
     */
    public record Outcomes<R>(java.util.function.Function<UserError, R> failed, java.util.function.LongFunction<R> repeat,
                              java.util.function.Function<R, Long> resultId) {
    }

    /** Records what a new request produced, for its repeats. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(Claim claim, long resultId) {
        mapper.setResult(claim.username(), claim.key(), resultId);
    }

    /** Deletes keys past their 24 hours; returns how many. */
    @Transactional
    public int sweepExpired() {
        return mapper.deleteAllExpired(clock.instant());
    }

    /**
     * The outcome of a claim: a NEW request to carry out, a REPEAT of an earlier one (whose result
     * is {@code resultId}), or a key REUSED for a different input or operation.
     */
    public record Claim(String username, String key, Kind kind, Long resultId) {

        public enum Kind { NEW, REPEAT, REUSED }
    }
}
