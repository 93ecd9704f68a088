package org.zhucan.common.sql;

import javax.sql.DataSource;

import io.micrometer.core.instrument.binder.MeterBinder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Wraps the application's DataSource twice: every statement passes the {@link SqlStatementCounter}, and a connection
 * is taken from the pool only when a statement needs one ({@link LazyConnectionDataSourceProxy}). A read-only
 * transaction whose data all came from a cache (a site from the in-process reference cache, a menu from Redis) then
 * sends the database nothing: no SET autocommit, no COMMIT, and no pool checkout.
 */
@Configuration(proxyBeanMethods = false)
class SqlStatementCounting {

    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    static BeanPostProcessor countingDataSourceWrapper(ObjectProvider<SqlStatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy(dataSource);
                    return ProxyDataSourceBuilder.create(lazy).name(beanName).listener(counter.getObject()).build();
                }
                return bean;
            }
        };
    }

    @Bean
    MeterBinder sqlStatementMeter(SqlStatementCounter counter) {
        return counter::bindTo;
    }
}
