package org.zhucan.common.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated {@code @Transactional} service method again, as a fresh transaction, when the
 * database chose it as a deadlock victim or it timed out on a lock ({@link TransientFailures}'
 * policy). The retry stands outside the transaction advice, so a failed attempt has been rolled back
 * before the next one starts. Called inside a transaction that is already running (the method
 * joins it), the method runs once: the retry belongs to whoever began that transaction.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryOnTransientFailure {
}
