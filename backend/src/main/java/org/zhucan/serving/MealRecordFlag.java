package org.zhucan.serving;

import java.time.LocalDate;

/**
 * A check that needs review: of one record, or (STAFF_PROXY_SHARE) of a site's day, when
 * {@code recordId} is null.
 */
public record MealRecordFlag(MealRecordFlagCode code, long siteId, LocalDate date, Long recordId, Long relatedRecordId, String detail) {
}
