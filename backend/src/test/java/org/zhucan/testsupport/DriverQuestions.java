package org.zhucan.testsupport;

import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import org.zhucan.common.sql.RoundTrips;

/**
 * Counts every query text the driver sends, its own SET, COMMIT and ROLLBACK included: what
 * MariaDB counts as Questions, per application rather than for the whole shared server.
 */
public class DriverQuestions implements QueryInterceptor {

    public static final AtomicLong SENT = new AtomicLong();

    /** The texts sent while {@link #recording} is on: what a test prints when a count goes up. */
    public static final Queue<String> TEXTS = new ConcurrentLinkedQueue<>();

    public static volatile boolean recording;

    /**
     * The suffix of the thread on which a Hikari pool opens its connections (pool name, then this): their set-up (autocommit,
     * isolation, time zone) is the pool's, sent while a pool that started with a test's first call fills in the background,
     * not a request's.
     */
    private static final String POOL_FILLING = ":connection-adder";

    /**
     * The texts sent while {@code request} ran, whitespace folded (this application's only, every thread's but the pools'
     * own connection set-up).
     */
    public static java.util.List<String> during(Runnable request) {
        return sentDuring(request).stream().map(DriverQuestions::folded).toList();
    }

    /**
     * What was sent while {@code request} ran, each text as the statements it holds ({@link RoundTrips}: several writes in
     * one text), whitespace folded.
     */
    public static java.util.List<java.util.List<String>> statementsDuring(Runnable request) {
        return sentDuring(request).stream().map(text -> java.util.Arrays.stream(text.split(RoundTrips.SEPARATOR, -1)).map(DriverQuestions::folded).toList())
                .toList();
    }

    private static String folded(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static java.util.List<String> sentDuring(Runnable request) {
        TEXTS.clear();
        recording = true;
        try {
            request.run();
        } finally {
            recording = false;
        }
        return TEXTS.stream().map(String::valueOf).toList();
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        SENT.incrementAndGet();
        if (recording && !Thread.currentThread().getName().endsWith(POOL_FILLING)) {
            TEXTS.add(sql.get());
        }
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return false;
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T originalResultSet, ServerSession serverSession) {
        return null;
    }
}
