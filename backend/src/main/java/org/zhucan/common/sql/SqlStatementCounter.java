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

    private final AtomicLong executed = new AtomicLong();
    private volatile Counter meter;

    /** The number of statements executed since the application started. */
    public long count() {
        return executed.get();
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
        executed.incrementAndGet();
        Counter counter = meter;
        if (counter != null) {
            counter.increment();
        }
    }
}
