package org.zhucan.common.sql;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Counts every statement the application's pool sends ({@link StatementCountingInterceptor} in the driver, reporting to
 * the {@link SqlStatementCounter}), and wraps the pool so that a connection is taken only when a statement needs one,
 * from the pool its transaction wants ({@link TransactionPools}). A read-only transaction whose data all came from a
 * cache (a site from the in-process reference cache, a menu from Redis) then sends the database nothing: no SET
 * autocommit, no COMMIT, and no pool checkout; a READ COMMITTED write sends no SET either.
 */
@Configuration(proxyBeanMethods = false)
class SqlStatementCounting {

    private static final String INTERCEPTORS = "queryInterceptors";

    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    static DestructionAwareBeanPostProcessor countingDataSourceWrapper(ObjectProvider<SqlStatementCounter> counter, Environment environment) {
        return new DestructionAwareBeanPostProcessor() {
            /** The writing pool of each main pool wrapped: Spring closes the main pool (the bean as created), this closes its writing pool. */
            private final Map<HikariDataSource, HikariDataSource> writingPools = Collections.synchronizedMap(new IdentityHashMap<>());

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource && !(bean instanceof TransactionPools)) {
                    if (!(bean instanceof HikariDataSource pool)) {
                        // the statements must be counted: the N+1 tests and the meter rely on it
                        throw new IllegalStateException("DataSource " + beanName + " is a " + bean.getClass().getName()
                                + "; statements are counted in the connections of a Hikari pool only");
                    }
                    countStatements(pool, counter.getObject());
                    HikariDataSource writing = TransactionPools.writingPoolOf(pool,
                            environment.getRequiredProperty("zhucan.db.write-pool-size", Integer.class));
                    writingPools.put(pool, writing);
                    return new TransactionPools(pool, writing);
                }
                return bean;
            }

            @Override
            public boolean requiresDestruction(Object bean) {
                return bean instanceof HikariDataSource;
            }

            @Override
            public void postProcessBeforeDestruction(Object bean, String beanName) {
                HikariDataSource writing = writingPools.remove(bean);
                if (writing != null) {
                    writing.close();
                }
            }
        };
    }

    /** Adds the counting interceptor to the driver's, after any a configuration names (the tests' own). */
    private static void countStatements(HikariDataSource pool, SqlStatementCounter counter) {
        Object named = pool.getDataSourceProperties().get(INTERCEPTORS);
        String ours = StatementCountingInterceptor.class.getName();
        pool.addDataSourceProperty(INTERCEPTORS, named == null || named.toString().isBlank() ? ours : named + "," + ours);
        pool.addDataSourceProperty(SqlStatementCounter.CONNECTION_PROPERTY, counter.id());
    }

    @Bean
    MeterBinder sqlStatementMeter(SqlStatementCounter counter) {
        return counter::bindTo;
    }

    /** The writing pool's hikaricp_* meters (pool "zhucan-write"): it is no bean of its own for Spring Boot to find. */
    @Bean
    MeterBinder writingPoolMeter(DataSource dataSource) {
        return registry -> {
            try {
                HikariDataSource writing = dataSource.unwrap(TransactionPools.class).writingPool();
                if (writing.getMetricsTrackerFactory() == null) {
                    writing.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
                }
            } catch (SQLException notOurs) {
                throw new IllegalStateException("the DataSource is not the application's two pools", notOurs);
            }
        };
    }
}
