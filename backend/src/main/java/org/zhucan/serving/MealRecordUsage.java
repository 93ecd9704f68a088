package org.zhucan.serving;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.zhucan.common.sql.RoundTrips;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules;
import org.zhucan.subsidy.SubsidyUsage;

/**
 * The subsidised meals a diner has already taken, and the usage rows that make the limits on them
 * hold in the database (V10, one table since V37). For a quote alone (quoteMeal, a booking) the standing records are
 * counted: the day's, the slot's, and the month's subsidy, one indexed statement. Every write of
 * meal records instead {@link #take takes} its diners' rows first, reading their standing meals in the same statement
 * (so that a diner's meals are written one after another, on any number of instances, and what is
 * read is what committed before), quotes from them, {@link #claimAll
 * claims} the subsidy with conditional updates of the usage rows (the day's meals within mealsPerDay, the month's
 * subsidy within monthlyCap), and a void {@link #giveBack gives} it back. The one subsidy per
 * diner, date and slot stays with uk_meal_record_subsidy.
 */
@Component
class MealRecordUsage implements SubsidyUsage {

    private static final Logger log = LoggerFactory.getLogger(MealRecordUsage.class);

    /** The checks that refuse a claim over a limit (see {@link MealRecordMapper#claimUsageOf}): ck_diner_subsidy_usage_meals and _amount. */
    private static final String LIMIT_CHECKS = "ck_diner_subsidy_usage_";

    private final MealRecordMapper mapper;

    MealRecordUsage(MealRecordMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public SubsidyRules.Usage usage(long dinerId, LocalDate date, MealSlot slot) {
        MealRecordMapper.UsageRow row = mapper.usage(dinerId, date, slot, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        return new SubsidyRules.Usage(row.mealsToday(), row.mealsThisSlot(), row.subsidyThisMonthFen());
    }

    /**
     * Takes the diners' rows until the transaction ends, in id order (so that uploads, counters and corrections never wait
     * on each other in a circle), and answers their standing meals between two dates as they stand, by diner (every diner
     * given, those without any meals with none). One statement however many.
     */
    Map<Long, List<MealRecord>> take(Collection<Long> dinerIds, LocalDate from, LocalDate to) {
        Map<Long, List<MealRecord>> standing = new HashMap<>();
        dinerIds.forEach(id -> standing.put(id, new ArrayList<>()));
        if (!dinerIds.isEmpty()) {
            for (MealRecord meal : mapper.takeDinersWithStandingMeals(dinerIds.stream().distinct().sorted().toList(), from, to)) {
                if (meal != null) {
                    standing.get(meal.dinerId()).add(meal);
                }
            }
        }
        return standing;
    }

    /** {@link #take} for a writer that reads what it needs after it (a correction). */
    void take(Collection<Long> dinerIds) {
        if (!dinerIds.isEmpty()) {
            mapper.takeDiners(dinerIds.stream().distinct().sorted().toList());
        }
    }

    /**
     * Adds the claims of many meals (quoted in this order) to the caller's round trip, as one statement: their days'
     * meals and their months' subsidy, a missing day row created as it is claimed from the standing usage the claim
     * carries. When a row refuses (its limit held), the trip fails and nothing of it stays ({@link #refusedALimit});
     * the caller then records the meals one by one, quoting each again from what the rows hold.
     */
    void claimAll(List<Claim> claims, RoundTrips.Trip trip) {
        Map<MealRecordMapper.DayKey, MealRecordMapper.UsageClaim> days = new LinkedHashMap<>();
        Map<MealRecordMapper.MonthKey, MealRecordMapper.UsageClaim> months = new LinkedHashMap<>();
        for (Claim claim : claims) {
            SubsidyRules.Quote quote = claim.quote();
            if (quote.subsidyFen() <= 0) {
                continue;
            }
            // a diner's meals of a day share a policy; of a month, the last one quoted bounds the total (each was within its cap)
            days.merge(new MealRecordMapper.DayKey(claim.dinerId(), claim.date()),
                    MealRecordMapper.UsageClaim.day(claim.dinerId(), claim.date(), 1, quote.policy().mealsPerDay(), claim.standing().mealsToday()),
                    (before, added) -> MealRecordMapper.UsageClaim.day(before.dinerId(), before.periodStart(), before.meals() + 1,
                            added.mealsLimit(), before.standing()));
            LocalDate month = claim.date().withDayOfMonth(1);
            months.merge(new MealRecordMapper.MonthKey(claim.dinerId(), month),
                    MealRecordMapper.UsageClaim.month(claim.dinerId(), month, quote.subsidyFen(), quote.policy().monthlyCapFen(),
                            claim.standing().subsidyThisMonthFen()),
                    (before, added) -> MealRecordMapper.UsageClaim.month(before.dinerId(), month, before.subsidyFen() + added.subsidyFen(),
                            added.capFen(), before.standing()));
        }
        List<MealRecordMapper.UsageClaim> all = new ArrayList<>(days.values());
        all.addAll(months.values());
        mapper.claimUsage(all, trip);
    }

    /** Whether a round trip with claims failed because a usage row refused one over its limit, rather than for anything else. */
    static boolean refusedALimit(DataAccessException failure) {
        return String.valueOf(failure.getMostSpecificCause().getMessage()).contains(LIMIT_CHECKS);
    }

    /** Gives a standing subsidised meal's day and subsidy back, before it is reversed; its diner's row is taken. */
    void giveBack(MealRecord record) {
        if (record.standing() && record.subsidy().fen() > 0) {
            mapper.createDayUsage(List.of(new MealRecordMapper.DayKey(record.dinerId(), record.date())));
            int gave = mapper.giveBackUsage(record.dinerId(), record.date(), record.date().withDayOfMonth(1), record.subsidy().fen());
            if (gave != 2) {
                // the rows missed a record written around the application (a data load): they are behind, never ahead
                log.warn("Subsidy usage of diner {} on {} did not hold the {} fen given back", record.dinerId(), record.date(),
                        record.subsidy().fen());
            }
        }
    }

    /**
     * A meal's subsidy as quoted, to claim, with what the diner's standing records held when read (before this
     * writer's own meals): where the day's or the month's row is missing, it starts from that.
     */
    record Claim(long dinerId, LocalDate date, SubsidyRules.Quote quote, SubsidyRules.Usage standing) {
    }
}
