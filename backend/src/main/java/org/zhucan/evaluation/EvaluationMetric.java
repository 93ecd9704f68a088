package org.zhucan.evaluation;

/** What an operator's monthly evaluation weighs; mirrors the schema's {@code EvaluationMetric}. */
public enum EvaluationMetric {
    OPERATING_RATE,
    SATISFACTION,
    INSPECTION,
    FLAGS,
    NO_SHOW
}
