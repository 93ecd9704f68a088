package org.zhucan.common.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health component that answers within a bound. The check runs on a daemon thread; a probe waits
 * for it at most {@code timeout} and otherwise reports the failing status. One check at a time: a
 * probe that finds a check still running (a stalled server) waits on that one rather than starting
 * another, so a stall never piles up threads. The status it reports when the check fails is the
 * caller's: DOWN for what the instance cannot serve without, a status outside the aggregate's order
 * (e.g. DEGRADED) for what it can. Changes of state are logged once each.
 */
final class BoundedHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BoundedHealthIndicator.class);

    /** One check: true when the service answers as it should; false, or an exception, when it does not. */
    @FunctionalInterface
    interface Check {
        boolean passes() throws Exception;
    }

    private final String name;
    private final Check check;
    private final Duration timeout;
    private final Status failing;
    private final Executor executor;
    private CompletableFuture<Boolean> inFlight;
    private volatile boolean lastUp = true;

    BoundedHealthIndicator(String name, Check check, Duration timeout, Status failing) {
        this.name = name;
        this.check = check;
        this.timeout = timeout;
        this.failing = failing;
        this.executor = task -> {
            Thread thread = new Thread(task, "health-" + name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Override
    public Health health() {
        String problem;
        try {
            problem = current().get(timeout.toMillis(), TimeUnit.MILLISECONDS) ? null : "the check did not pass";
        } catch (TimeoutException e) {
            problem = "no answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            problem = String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        noteChange(problem);
        return problem == null ? Health.up().build() : Health.status(failing).build();
    }

    private synchronized CompletableFuture<Boolean> current() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return check.passes();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
        }
        return inFlight;
    }

    private void noteChange(String problem) {
        boolean up = problem == null;
        if (up != lastUp) {
            lastUp = up;
            if (up) {
                log.info("Health component {} is UP again", name);
            } else {
                log.warn("Health component {} is {}: {}", name, failing.getCode(), problem);
            }
        }
    }
}
