package org.zhucan.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The timing harness of the benchmark programs: operations on several threads, each timed, and the whole. */
public final class ThreadedRun {

    private ThreadedRun() {
    }

    /** One operation: the thread running it and the index of the operation. */
    @FunctionalInterface
    public interface Operation {
        void run(int thread, int index) throws Exception;
    }

    /** A run's operations and its whole time; each operation's time, in order. */
    public record Timings(int count, long elapsedNanos, long[] sortedNanos) {

        /** Several runs as one: their operations over their times added up (the time between them left out). */
        public static Timings combined(List<Timings> runs) {
            long[] all = runs.stream().flatMapToLong(run -> Arrays.stream(run.sortedNanos)).sorted().toArray();
            return new Timings(all.length, runs.stream().mapToLong(Timings::elapsedNanos).sum(), all);
        }

        /** Operations a second over the whole run. */
        public double perSecond() {
            return count / (elapsedNanos / (double) TimeUnit.SECONDS.toNanos(1));
        }

        /** The median latency. */
        public double p50Millis() {
            return sortedNanos[count / 2] / 1e6;
        }

        /** The 99th-percentile latency. */
        public double p99Millis() {
            return sortedNanos[(int) (count * 0.99)] / 1e6;
        }
    }

    /**
     * Runs count operations on the given threads, released together, each thread taking the next
     * index; stops at the first error and throws it.
     */
    public static Timings time(String name, int threadCount, int count, Operation operation) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] nanos = new long[count];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int index = next.getAndIncrement(); index < count && error.get() == null; index = next.getAndIncrement()) {
                        long before = System.nanoTime();
                        operation.run(thread, index);
                        nanos[index] = System.nanoTime() - before;
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            }, name + "-" + t);
            worker.start();
            threads.add(worker);
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - begin;
        if (error.get() != null) {
            throw new IllegalStateException("the run stopped on an error", error.get());
        }
        Arrays.sort(nanos);
        return new Timings(count, elapsed, nanos);
    }
}
