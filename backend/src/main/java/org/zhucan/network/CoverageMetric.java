package org.zhucan.network;

/** What a coverage target measures. */
public enum CoverageMetric {
    /** Share of communities and villages with an operating site that serves diners. */
    COVERAGE,
    /** Operating sites ÷ built sites (operating, suspended or closed). */
    OPERATING_RATE
}
