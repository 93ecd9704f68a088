package org.zhucan.common.sql;

import javax.sql.DataSource;

import io.micrometer.core.instrument.binder.MeterBinder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the application's DataSource so that every statement passes the {@link SqlStatementCounter}. */
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
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(counter.getObject()).build();
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
