package org.zhucan.common.sql;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts every SQL statement the application sends, batched ones once per batch. Tests read it
 * around a request to prove the statement count does not grow with the rows returned (no N+1);
 * in production it is the {@code zhucan.sql.statements} meter.
 */
public class SqlStatementCounter implements QueryExecutionListener {

    /**
     * The threads the application runs its own background work on: Spring's scheduler (the jobs), the intake
     * workers and the health checks. Their statements are not any request's.
     */
    private static final List<String> BACKGROUND_THREADS = List.of("scheduling-", "intake-", "health-");

    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong inBackground = new AtomicLong();
    private volatile Counter meter;

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
                .description("SQL statements sent to the database (a batch counts once)")
                .register(registry);
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        // counted once it has run
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        String thread = Thread.currentThread().getName();
        if (BACKGROUND_THREADS.stream().anyMatch(thread::startsWith)) {
            inBackground.incrementAndGet();
        }
        executed.incrementAndGet();
        Counter counter = meter;
        if (counter != null) {
            counter.increment();
        }
    }
}
