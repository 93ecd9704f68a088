package org.zhucan.serving;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.springframework.stereotype.Component;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules;
import org.zhucan.subsidy.SubsidyUsage;

/**
 * The subsidised meals a diner has already taken, counted from the standing meal records: the
 * day's, the slot's, and the month's subsidy. One indexed statement per quote.
 */
@Component
class MealRecordUsage implements SubsidyUsage {

    private final MealRecordMapper mapper;

    MealRecordUsage(MealRecordMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public SubsidyRules.Usage usage(long dinerId, LocalDate date, MealSlot slot) {
        MealRecordMapper.UsageRow row = mapper.usage(dinerId, date, slot, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        return new SubsidyRules.Usage(row.mealsToday(), row.mealsThisSlot(), row.subsidyThisMonthFen());
    }
}
