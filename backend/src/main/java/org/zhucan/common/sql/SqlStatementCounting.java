package org.zhucan.common.sql;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Counts every statement the application's pool sends ({@link StatementCountingInterceptor} in the driver, reporting to
 * the {@link SqlStatementCounter}), and wraps the pool so that a connection is taken only when a statement needs one
 * ({@link LazyConnectionDataSourceProxy}). A read-only transaction whose data all came from a cache (a site from the
 * in-process reference cache, a menu from Redis) then sends the database nothing: no SET autocommit, no COMMIT, and no
 * pool checkout.
 */
@Configuration(proxyBeanMethods = false)
class SqlStatementCounting {

    private static final String INTERCEPTORS = "queryInterceptors";

    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    static BeanPostProcessor countingDataSourceWrapper(ObjectProvider<SqlStatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)) {
                    if (!(bean instanceof HikariDataSource pool)) {
                        // the statements must be counted: the N+1 tests and the meter rely on it
                        throw new IllegalStateException("DataSource " + beanName + " is a " + bean.getClass().getName()
                                + "; statements are counted in the connections of a Hikari pool only");
                    }
                    countStatements(pool, counter.getObject());
                    return new LazyConnectionDataSourceProxy(dataSource);
                }
                return bean;
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
}
