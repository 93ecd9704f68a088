package org.zhucan.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the test-only field holdConnection waits on: it keeps its database connection until a
 * test lets go (or its own limit passes), so that a test can exhaust the pool on purpose.
 */
public final class HeldConnections {

    private static final AtomicReference<CountDownLatch> RELEASE = new AtomicReference<>(new CountDownLatch(1));

    private HeldConnections() {
    }

    /** Lets every holder go, and makes later holders wait again. */
    public static void letGo() {
        RELEASE.getAndSet(new CountDownLatch(1)).countDown();
    }

    static void await(int seconds) throws InterruptedException {
        RELEASE.get().await(seconds, TimeUnit.SECONDS);
    }
}
