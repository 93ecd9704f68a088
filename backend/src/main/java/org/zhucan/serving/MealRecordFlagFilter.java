package org.zhucan.serving;

import java.time.LocalDate;
import java.util.List;

public record MealRecordFlagFilter(LocalDate from, LocalDate to, Long siteId, Long operatorId, List<MealRecordFlagCode> codes) {
}
