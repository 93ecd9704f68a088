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
 * failed with user errors), the repeat runs as a new request. bookMeal writes its key last instead,
 * with the result ({@link #onceClaimingLast}); logMeal keeps its key on the meal record it writes (no
 * row here: ServingService). Keys are per account and expire after 24 hours.
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
        String requestHash = requestHash(operation, inputWithoutKey);
        Instant now = clock.instant();
        mapper.deleteExpired(username, key, now);
        try {
            mapper.insert(username, key, operation, requestHash, now, now.plus(LIFETIME), null);
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
     * As {@link #once}, for a counter's mutation whose work always meets a repeat of itself in the
     * database (the diner's usage rows or booking key, a seat's counter): the work runs first, and
     * writes the key with its result in one INSERT ({@link ResultKey#write}) as soon as it has the result's id, before the
     * rows it takes last (bookMeal's seat: the slot's one counter row, which every booking of the slot waits on, is then held
     * from its UPDATE to the commit and no longer). A work that ends without writing it has the key written after it, with
     * its result. A repeat running at the same time waits on what the first holds, then finds its
     * key taken by the first's commit; a repeat arriving later does its work again and finds the key
     * taken. Either way its work is rolled back and it answers the first result (or, for another
     * input or operation, that the key was reused). A failure (user errors) rolls back what it took
     * and its key, so the same key can try again; it still answers the first result when the
     * key was taken, since a repeat's work may fail only because the first's succeeded (booked,
     * served). Whatever else the work does must wait for the commit (after-commit events).
     */
    public <R> R onceClaimingLast(String username, String key, String operation, Object inputWithoutKey, Outcomes<R> outcomes,
                                  java.util.function.Function<ResultKey, R> work) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an idempotent mutation runs inside its own transaction");
        }
        if (!isWellFormed(key)) {
            return outcomes.failed().apply(malformedKey());
        }
        String requestHash = requestHash(operation, inputWithoutKey);
        Instant now = clock.instant();
        KeyWrite written = new KeyWrite(username, key, operation, requestHash, now);
        R result = work.apply(written);
        Long resultId = outcomes.resultId().apply(result);
        Claim earlier;
        if (written.done) {
            // the work wrote the key, or met the request that holds it; a failure after it rolls the key back with the rest
            earlier = written.earlier;
        } else {
            earlier = resultId == null ? earlier(username, key, operation, requestHash, now)
                    : claimWithResult(username, key, operation, requestHash, now, resultId);
        }
        if (earlier == null && resultId != null) {
            return result;
        }
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        if (earlier == null) {
            return result;
        }
        return earlier.kind() == Claim.Kind.REUSED ? outcomes.failed().apply(reusedKey()) : outcomes.repeat().apply(earlier.resultId());
    }

    /** The key of a {@link #onceClaimingLast} mutation, for its work to write with its result before its last statements. */
    public interface ResultKey {

        /** For a work that runs without a key (a recurring booking's day): writes nothing, always free. */
        ResultKey NONE = resultId -> true;

        /**
         * Writes the key with the result's id: true when it was free, so the work goes on; false when an earlier request
         * holds it, so the work stops where it is (its transaction is rolled back, and the earlier result answered).
         */
        boolean write(long resultId);
    }

    /** A ResultKey that remembers whether it was written and whom it met. */
    private final class KeyWrite implements ResultKey {

        private final String username;
        private final String key;
        private final String operation;
        private final String requestHash;
        private final Instant now;
        private boolean done;
        private Claim earlier;

        KeyWrite(String username, String key, String operation, String requestHash, Instant now) {
            this.username = username;
            this.key = key;
            this.operation = operation;
            this.requestHash = requestHash;
            this.now = now;
        }

        @Override
        public boolean write(long resultId) {
            if (done) {
                throw new IllegalStateException("idempotency key " + key + " written twice by one request");
            }
            earlier = claimWithResult(username, key, operation, requestHash, now, resultId);
            done = true;
            return earlier == null;
        }
    }

    /** Writes the key with its result: null when it was free (or expired), otherwise the request that holds it. */
    private Claim claimWithResult(String username, String key, String operation, String requestHash, Instant now, long resultId) {
        for (int attempt = 0; ; attempt++) {
            try {
                mapper.insert(username, key, operation, requestHash, now, now.plus(LIFETIME), resultId);
                return null;
            } catch (DuplicateKeyException taken) {
                Claim earlier = earlier(username, key, operation, requestHash, now);
                if (earlier != null || attempt > 0) {
                    if (earlier == null) {
                        throw new IllegalStateException("idempotency key " + key + " was taken and then free again while being claimed");
                    }
                    return earlier;
                }
                // it expired (and is gone now) or was swept meanwhile: write it again
            }
        }
    }

    /** The request that holds the key (committed, not expired): null when none does; an expired key is deleted. */
    private Claim earlier(String username, String key, String operation, String requestHash, Instant now) {
        IdempotencyKeyMapper.KeyRow first = mapper.findForUpdate(username, key);
        if (first == null) {
            return null;
        }
        if (!first.expiresAt().isAfter(now)) {
            mapper.deleteExpired(username, key, now);
            return null;
        }
        boolean sameRequest = first.operation().equals(operation) && first.requestHash().equals(requestHash);
        return new Claim(username, key, sameRequest ? Claim.Kind.REPEAT : Claim.Kind.REUSED, first.resultId());
    }

    /**
     * What tells a repeat from a reuse of the key: a hash of the operation and its input without the key. For a
     * mutation that keeps its key on the row it writes (logMeal, on its meal record).
     */
    public String requestHash(String operation, Object inputWithoutKey) {
        return Sha256.hex(operation + "\n" + json.writeValueAsString(inputWithoutKey));
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
