package org.zhucan.serving;

import java.time.LocalDate;

import org.zhucan.network.MealSlot;

public record MealRecordFilter(Long siteId, Long operatorId, Long dinerId, LocalDate from, LocalDate to, MealSlot slot, MealRecordKind kind,
                               Boolean flaggedOnly) {
}
