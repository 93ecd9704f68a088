package org.zhucan.common.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public read (or a counter's write) that does not narrow itself to the caller's scope: records by id, a
 * diner found by an ID card, the counts behind a dashboard. Its callers must have checked the
 * scope themselves (through the parent they resolve, or their own access rules), so it is for its
 * own feature and the features named here only; ModularityTests fails when any other feature
 * calls it, and when a feature named here no longer does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface BypassesCallerScope {

    /** The other features (top-level packages under org.zhucan) that may call it. */
    String[] usedBy() default {};
}
