package org.zhucan.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Real threads released together, for tests of what the database decides under contention. */
public final class Race {

    private Race() {
    }

    /** Runs the calls from up to 50 threads, released at once; returns each call's result in call order. */
    public static List<String> run(int calls, IntFunction<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls, 50));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
