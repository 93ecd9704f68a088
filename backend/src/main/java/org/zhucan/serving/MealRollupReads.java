package org.zhucan.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The served slots and days of sites read from the roll-ups ({@link MealRollups}): the rows of
 * unmarked site days, and the marked ones computed from their records, each in one statement (so a
 * day is counted once, either way, under any isolation). The same figures, row for row, as the
 * aggregates over every record that they replace (MealRecordMapper.servedSlots, servedDays), in one
 * or two statements however many sites and days.
 */
@Component
class MealRollupReads {

    private static final Comparator<ServedSlot> SLOT_ORDER = Comparator.comparing(ServedSlot::date).thenComparingLong(ServedSlot::siteId)
            // as the records' ORDER BY slot did: by the column's text
            .thenComparing(slot -> slot.slot().name()).thenComparingLong(ServedSlot::operatorId);

    private final MealRollupMapper mapper;

    MealRollupReads(MealRollupMapper mapper) {
        this.mapper = mapper;
    }

    /** As {@link MealRecordReadService#servedSlots}: slots with a MEAL record, by date, site, slot and operator. */
    List<ServedSlot> servedSlots(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        List<ServedSlot> slots = new ArrayList<>();
        for (MealRollupMapper.SlotRow row : mapper.servedSlots(siteIds, from, to)) {
            slots.add(new ServedSlot(row.siteId(), row.operatorId(), row.date(), row.slot(), row.meals(), row.flaggedMeals(), row.subsidyFen()));
        }
        slots.sort(SLOT_ORDER);
        return slots;
    }

    /**
     * As {@link MealRecordReadService#servedDays}: per day with a record at these sites. Distinct
     * diners are the sum over the sites, except on a day where a diner counted at one of them has
     * a record at another site too: those days are counted from the records in a second statement
     * (V26 says why the sum is exact on the others).
     */
    List<ServedDay> servedDays(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        List<MealRollupMapper.DaySum> sums = mapper.servedDays(siteIds, from, to);
        List<LocalDate> shared = sums.stream().filter(day -> day.dinersElsewhere() > 0).map(MealRollupMapper.DaySum::date).toList();
        Map<LocalDate, Integer> counted = new TreeMap<>();
        if (!shared.isEmpty()) {
            shared.forEach(date -> counted.put(date, 0));
            mapper.distinctDiners(siteIds, shared).forEach(row -> counted.put(row.date(), row.diners()));
        }
        List<ServedDay> days = new ArrayList<>();
        for (MealRollupMapper.DaySum sum : sums) {
            days.add(new ServedDay(sum.date(), sum.meals(), counted.getOrDefault(sum.date(), sum.diners()), sum.flaggedMeals(), sum.subsidyFen(),
                    sum.publicSubsidyFen()));
        }
        days.sort(Comparator.comparing(ServedDay::date));
        return days;
    }
}
