package org.zhucan.testsupport;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Warm-up until the JIT has settled. A server at lunch has run for hours; a benchmark that measures after a fixed
 * warm-up measures, on two cores, C2 still compiling the request paths on one of them (30 % of the process's CPU
 * while logMeal was measured after 2,200 requests; up to 1.3 s for one method). Rounds of warm-up run until two in
 * a row compile for less than a quiet threshold, or a cap is reached; the benchmark then prints the rounds and the JIT's
 * time while it measured, so that a figure taken before the JIT settled says so.
 */
public final class JitSettling {

    /** A quiet round compiled for less than this. */
    public static final long QUIET_MILLIS = 50;
    /**
     * A quiet round also leaves at most this many methods in the compilers' queues. Compiling time alone can look quiet
     * while the queue is long: the compiler thread starves behind the request threads, and catches up once they wait (the
     * booking benchmark measured one slot, its threads waiting on one row, with 8-13 s of compiling after quiet rounds).
     */
    public static final int QUIET_QUEUE = 2;
    /** Quiet rounds in a row that count as settled. */
    public static final int QUIET_ROUNDS = 2;
    /** How the benchmarks print the criterion. */
    public static final String QUIET = QUIET_ROUNDS + " rounds in a row compiled under " + QUIET_MILLIS + " ms and left at most " + QUIET_QUEUE
            + " methods queued";
    /**
     * The most warm-up rounds a benchmark runs before it measures anyway ({@code -Dbench.settleRounds} to change). It
     * was 40, and the first figures after it were still taken while C2 compiled: on two cores the compile queue backs
     * up behind the request threads, and a method every request calls (Spring Security's FilterChainProxy.getFilters)
     * reached C2 75 s after C1 had compiled it. The home screen at N = 10 then measured 0.40-0.46x with 1.8-2.8 s of
     * compiling while measured, and 0.60x with 0.1 s once it had settled after 56 rounds.
     */
    public static final int MAX_ROUNDS = Integer.getInteger("bench.settleRounds", 150);
    /**
     * The fewest warm-up rounds before quiet ones count ({@code -Dbench.minSettleRounds} to change). Quiet rounds come
     * early by chance, while methods still climb to C2's thresholds: the booking benchmark stopped after 7 rounds and then
     * compiled 11.5 s while it measured; on 2026-12-04 after 12 rounds and then compiled 9.5 s (0.13x a site per
     * thread, against 0.28x the run before, settled after 51), and after 21 rounds and then compiled 12.9 s. Every run
     * that compiled little while measured had taken 42-78 rounds.
     */
    public static final int MIN_ROUNDS = Integer.getInteger("bench.minSettleRounds", 40);

    private JitSettling() {
    }

    /** One round of warm-up, numbered from 0. */
    @FunctionalInterface
    public interface Round {
        void run(int round) throws Exception;
    }

    /**
     * Runs rounds until {@link #QUIET_ROUNDS} in a row compile for under {@link #QUIET_MILLIS} each and leave at most
     * {@link #QUIET_QUEUE} methods queued, the last of them no earlier than round {@link #MIN_ROUNDS} (or maxRounds, if
     * fewer), at most maxRounds; returns the rounds run. One quiet round was not enough: the booking benchmark once
     * stopped after 7 rounds and then compiled for 11.5 s while it measured.
     */
    public static int settle(int maxRounds, Round round) throws Exception {
        int quiet = 0;
        for (int done = 0; done < maxRounds; done++) {
            long before = compiledMillis();
            round.run(done);
            quiet = compiledMillis() - before < QUIET_MILLIS && queuedCompiles() <= QUIET_QUEUE ? quiet + 1 : 0;
            if (quiet >= QUIET_ROUNDS && done + 1 >= Math.min(MIN_ROUNDS, maxRounds)) {
                return done + 1;
            }
        }
        return maxRounds;
    }

    /** The methods waiting in the JIT's queues (C1 and C2), as the {@code Compiler.queue} diagnostic command lists them. */
    public static int queuedCompiles() {
        String listed;
        try {
            listed = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerQueue", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException unavailable) {
            throw new IllegalStateException("the JVM does not list its compile queue (Compiler.queue)", unavailable);
        }
        int queued = 0;
        boolean inQueue = false;
        for (String line : listed.split("\\R")) {
            if (line.endsWith("compile queue:")) {
                inQueue = true;
            } else if (line.isBlank() || line.startsWith("Current compiles")) {
                inQueue = false;
            } else if (inQueue && !line.strip().equals("Empty")) {
                queued++;
            }
        }
        return queued;
    }

    /** The JIT's compiling time so far, all compiler threads. */
    public static long compiledMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
