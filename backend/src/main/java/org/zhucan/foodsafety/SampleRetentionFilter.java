package org.zhucan.foodsafety;

import java.time.LocalDate;

/** The filter of the sample-retention and missing-log lists: a window of meal dates, optionally one site or operator. */
public record SampleRetentionFilter(LocalDate from, LocalDate to, Long siteId, Long operatorId) {
}
