package org.zhucan.common.sql;

import java.lang.reflect.Method;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.resilience.retry.AbstractRetryInterceptor;
import org.springframework.resilience.retry.MethodRetrySpec;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the retry of {@link RetryOnTransientFailure} methods stands among the proxies' advice:
 * outside the transaction advice, so every attempt is a transaction of its own (a deadlock victim's
 * transaction has been rolled back by the database, and nothing in it can be carried on). Both
 * orders are set here, side by side; the lower order is the outer advice. Transactions keep Spring
 * Boot's defaults otherwise (class proxies, the innermost place).
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true, order = TransientFailureRetryConfig.TRANSACTION_ORDER)
public class TransientFailureRetryConfig {

    static final int TRANSACTION_ORDER = Ordered.LOWEST_PRECEDENCE;
    static final int RETRY_ORDER = TRANSACTION_ORDER - 1;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transientFailureRetryAdvisor(ApplicationEventPublisher events) {
        OutermostTransactionRetry retry = new OutermostTransactionRetry();
        // each retry is published as a MethodRetryEvent, which a benchmark counts
        retry.setApplicationEventPublisher(events);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, RetryOnTransientFailure.class, true), retry);
        advisor.setOrder(RETRY_ORDER);
        return advisor;
    }

    /** Spring's method retry under {@link TransientFailures#POLICY}, only where the call begins the transaction. */
    static final class OutermostTransactionRetry extends AbstractRetryInterceptor {

        @Override
        protected MethodRetrySpec getRetrySpec(Method method, Class<?> targetClass) {
            // A call that joins its caller's transaction cannot start afresh: the database has rolled
            // that transaction back, so it runs once and the caller's boundary decides.
            return TransactionSynchronizationManager.isActualTransactionActive() ? null : TransientFailures.POLICY;
        }
    }
}
