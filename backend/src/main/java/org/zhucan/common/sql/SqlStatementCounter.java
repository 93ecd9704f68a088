package org.zhucan.common.sql;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;

/**
 * Counts every SQL statement the application sends, a batch sent as one statement once. Tests read it
 * around a request to prove the statement count does not grow with the rows returned (no N+1);
 * in production it is the {@code zhucan.sql.statements} meter. The driver reports to it
 * ({@link StatementCountingInterceptor}), which finds it by the id the data source's connections carry.
 */
public class SqlStatementCounter implements DisposableBean {

    /** The connection property naming the counter a connection's statements are counted by. */
    static final String CONNECTION_PROPERTY = "zhucanStatementCounter";

    /** The counters of the application contexts that are open, by id: the driver creates its interceptors by class name. */
    private static final Map<String, SqlStatementCounter> OPEN = new ConcurrentHashMap<>();

    /**
     * The threads the application runs its own background work on: Spring's scheduler (the jobs), the intake
     * workers and the health checks. Their statements are not any request's.
     */
    private static final String[] BACKGROUND_THREADS = {"scheduling-", "intake-", "health-"};

    private final String id = UUID.randomUUID().toString();
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong inBackground = new AtomicLong();
    private volatile Counter meter;

    public SqlStatementCounter() {
        OPEN.put(id, this);
    }

    /** The counter a connection opened with {@code id} in its {@link #CONNECTION_PROPERTY} reports to. */
    static SqlStatementCounter named(String id) {
        SqlStatementCounter counter = id == null ? null : OPEN.get(id);
        if (counter == null) {
            throw new IllegalStateException("no open statement counter " + id + ": the connection was opened for an application context that has closed"
                    + " or outside the application's data source");
        }
        return counter;
    }

    String id() {
        return id;
    }

    /** The number of statements executed since the application started. */
    public long count() {
        return executed.get();
    }

    /**
     * The statements executed since the application started on any thread but the background ones: what a test
     * reads around a request, so that a job that happens to run meanwhile (every 30 s for the roll-ups) does not
     * land in the request's count.
     */
    public long countOutsideBackgroundWork() {
        return executed.get() - inBackground.get();
    }

    void bindTo(MeterRegistry registry) {
        this.meter = Counter.builder("zhucan.sql.statements")
                .description("SQL statements sent to the database (a batch sent as one statement counts once)")
                .register(registry);
    }

    /** A statement was sent on the current thread. */
    void sent() {
        String thread = Thread.currentThread().getName();
        for (String background : BACKGROUND_THREADS) {
            if (thread.startsWith(background)) {
                inBackground.incrementAndGet();
                break;
            }
        }
        executed.incrementAndGet();
        Counter counter = meter;
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void destroy() {
        OPEN.remove(id);
    }
}
