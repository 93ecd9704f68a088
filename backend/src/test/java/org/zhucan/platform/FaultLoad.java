package org.zhucan.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * A bounded booking and meal-logging load for a fault drill: a few threads of each kind, each request
 * with the next index (its diner, and its instance, index % 3), paced so that the load spans the
 * fault and the recovery. Every outcome is kept with its times: an acknowledged write ("BOOKED id",
 * "LOGGED id"), a refusal the caller understands (SLOT_FULL), or a failed request ("ERROR ...").
 */
final class FaultLoad {

    private static final Duration PACE = Duration.ofMillis(200);
    private static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(3);

    record Outcome(String kind, int instance, long startedAt, long endedAt, String text) {
        boolean failed() {
            return text.startsWith("ERROR");
        }
    }

    private final int threadsPerKind;
    private final IntFunction<String> booking;
    private final IntFunction<String> meal;
    private final int size;
    private final AtomicInteger nextBooking = new AtomicInteger();
    private final AtomicInteger nextMeal = new AtomicInteger();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile long faultAt;

    FaultLoad(int threadsPerKind, IntFunction<String> booking, IntFunction<String> meal, int size) {
        this.threadsPerKind = threadsPerKind;
        this.booking = booking;
        this.meal = meal;
        this.size = size;
    }

    void start() {
        for (int t = 0; t < threadsPerKind; t++) {
            threads.add(new Thread(() -> loop("booking", nextBooking, booking), "fault-load-booking-" + t));
            threads.add(new Thread(() -> loop("meal", nextMeal, meal), "fault-load-meal-" + t));
        }
        threads.forEach(Thread::start);
    }

    private void loop(String kind, AtomicInteger next, IntFunction<String> request) {
        while (!stopped) {
            int index = next.getAndIncrement();
            if (index >= size) {
                return;
            }
            long startedAt = System.nanoTime();
            String text;
            try {
                text = request.apply(index);
            } catch (Throwable failure) {
                if (stopped) {
                    return; // cut short by stop(), after the drill: no outcome of the fault
                }
                String message = String.valueOf(failure.getMessage());
                text = "ERROR " + failure.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
            }
            outcomes.add(new Outcome(kind, index % 3, startedAt, System.nanoTime(), text));
            try {
                Thread.sleep(PACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void awaitAcknowledged(int count) {
        await().atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> acknowledged("BOOKED").size() + acknowledged("LOGGED").size() >= count);
    }

    void fault(long at) {
        faultAt = at;
    }

    /** Until every instance has written both kinds again after its last failed request, and 10 s have passed since the fault. */
    void awaitRecovered() {
        await("every instance writing again after the fault").atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (System.nanoTime() - faultAt < Duration.ofSeconds(10).toNanos()) {
                return false;
            }
            for (int instance = 0; instance < 3; instance++) {
                long since = Math.max(faultAt, lastFailure(instance).orElse(faultAt));
                for (String kind : List.of("booking", "meal")) {
                    int i = instance;
                    if (outcomes.stream().noneMatch(o -> o.instance() == i && o.kind().equals(kind) && !o.failed() && o.startedAt() > since)) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    void stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(RECOVERY_DEADLINE.toMillis());
        }
    }

    List<String> acknowledged(String prefix) {
        return outcomes.stream().filter(o -> o.text().startsWith(prefix + " ")).map(o -> o.text().substring(prefix.length() + 1)).toList();
    }

    long failures() {
        return outcomes.stream().filter(Outcome::failed).count();
    }

    private OptionalLong lastFailure(int instance) {
        return outcomes.stream().filter(o -> o.instance() == instance && o.failed() && o.endedAt() > faultAt).mapToLong(Outcome::endedAt).max();
    }

    /** What the fault did to the instance's requests, in seconds after it. */
    String recovery(int instance) {
        List<Outcome> after = outcomes.stream().filter(o -> o.instance() == instance && o.endedAt() > faultAt).toList();
        long failed = after.stream().filter(Outcome::failed).count();
        OptionalLong last = lastFailure(instance);
        long since = Math.max(faultAt, last.orElse(faultAt));
        OptionalLong firstAgain = after.stream().filter(o -> !o.failed() && o.startedAt() > since).mapToLong(Outcome::endedAt).min();
        long slowest = after.stream().filter(o -> !o.failed()).mapToLong(o -> o.endedAt() - o.startedAt()).max().orElse(0);
        String failures = failed == 0 ? "no failed request" : failed + " failed request(s), the last ending " + secondsAfter(last.getAsLong()) + " s after the fault ("
                + after.stream().filter(Outcome::failed).map(Outcome::text).findFirst().orElse("") + ")";
        return failures + "; next write acknowledged " + (firstAgain.isPresent() ? secondsAfter(firstAgain.getAsLong()) + " s" : "never")
                + " after the fault; slowest acknowledged request after it " + String.format("%.1f", slowest / 1e9) + " s";
    }

    private String secondsAfter(long nanos) {
        return String.format("%.1f", (nanos - faultAt) / 1e9);
    }
}
