package org.zhucan.testsupport;

import java.lang.management.ManagementFactory;

/**
 * Warm-up until the JIT has settled. A server at lunch has run for hours; a benchmark that measures after a fixed
 * warm-up measures, on two cores, C2 still compiling the request paths on one of them (30 % of the process's CPU
 * while logMeal was measured after 2,200 requests; up to 1.3 s for one method). Rounds of warm-up run until two in
 * a row compile for less than a quiet threshold, or a cap is reached; the benchmark then prints the rounds and the JIT's
 * time while it measured, so that a figure taken before the JIT settled says so.
 */
public final class JitSettling {

    /** A round that compiled for less than this is taken as settled. */
    public static final long QUIET_MILLIS = 50;
    /** Quiet rounds in a row that count as settled. */
    public static final int QUIET_ROUNDS = 2;
    /**
     * The most warm-up rounds a benchmark runs before it measures anyway ({@code -Dbench.settleRounds} to change). It
     * was 40, and the first figures after it were still taken while C2 compiled: on two cores the compile queue backs
     * up behind the request threads, and a method every request calls (Spring Security's FilterChainProxy.getFilters)
     * reached C2 75 s after C1 had compiled it. The home screen at N = 10 then measured 0.40-0.46x with 1.8-2.8 s of
     * compiling while measured, and 0.60x with 0.1 s once it had settled after 56 rounds.
     */
    public static final int MAX_ROUNDS = Integer.getInteger("bench.settleRounds", 150);

    private JitSettling() {
    }

    /** One round of warm-up, numbered from 0. */
    @FunctionalInterface
    public interface Round {
        void run(int round) throws Exception;
    }

    /**
     * Runs rounds until {@link #QUIET_ROUNDS} in a row compile for under {@link #QUIET_MILLIS} each, at most maxRounds;
     * returns the rounds run. One quiet round was not enough: the booking benchmark once stopped after 7 rounds and then
     * compiled for 11.5 s while it measured.
     */
    public static int settle(int maxRounds, Round round) throws Exception {
        int quiet = 0;
        for (int done = 0; done < maxRounds; done++) {
            long before = compiledMillis();
            round.run(done);
            quiet = compiledMillis() - before < QUIET_MILLIS ? quiet + 1 : 0;
            if (quiet == QUIET_ROUNDS) {
                return done + 1;
            }
        }
        return maxRounds;
    }

    /** The JIT's compiling time so far, all compiler threads. */
    public static long compiledMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
