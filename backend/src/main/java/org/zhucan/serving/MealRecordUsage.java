package org.zhucan.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules;
import org.zhucan.subsidy.SubsidyUsage;

/**
 * The subsidised meals a diner has already taken, and the usage rows that make the limits on them
 * hold in the database (V10). For a quote alone (quoteMeal, a booking) the standing records are
 * counted: the day's, the slot's, and the month's subsidy, one indexed statement. Every write of
 * meal records instead goes through the rows: it {@link #take takes} its diners' month rows first
 * (so that a diner's meals are written one after another, on any number of instances, and what is
 * read after is what committed before), quotes from the records it then reads, {@link #claim
 * claims} the subsidy with conditional updates (the day's meals within mealsPerDay, the month's
 * subsidy within monthlyCap), and a void {@link #giveBack gives} it back. The one subsidy per
 * diner, date and slot stays with uk_meal_record_subsidy.
 */
@Component
class MealRecordUsage implements SubsidyUsage {

    private static final Logger log = LoggerFactory.getLogger(MealRecordUsage.class);

    /** The check that refuses a day's meals over the limit (see {@link MealRecordMapper#claimDayCreating}). */
    private static final String DAY_LIMIT = "ck_diner_subsidy_day_meals";

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
     * The month rows a meal of the diner served at the instant takes: its month's, and the
     * neighbouring month's when the meal is within the window of a month's turn, so that two meals
     * within the window of each other (the two-sites check) always meet on a row.
     */
    static List<MealRecordMapper.MonthKey> keysOf(long dinerId, Instant servedAt, Duration window) {
        TreeSet<LocalDate> months = new TreeSet<>();
        for (Instant at : List.of(servedAt.minus(window), servedAt, servedAt.plus(window))) {
            months.add(BusinessTime.dateOf(at).withDayOfMonth(1));
        }
        return months.stream().map(month -> new MealRecordMapper.MonthKey(dinerId, month)).toList();
    }

    /**
     * Takes the month rows until the transaction ends, in diner then month order (so that uploads,
     * counters and corrections never wait on each other in a circle), creating the missing ones from
     * the standing records. One statement however many.
     */
    void take(Collection<MealRecordMapper.MonthKey> keys) {
        if (!keys.isEmpty()) {
            mapper.takeMonthUsage(keys.stream().distinct()
                    .sorted(Comparator.comparingLong(MealRecordMapper.MonthKey::dinerId).thenComparing(MealRecordMapper.MonthKey::monthStart))
                    .toList());
        }
    }

    /**
     * Claims a quoted subsidy on the diner's day and month rows, taken before: null when the
     * database took it, otherwise (nothing claimed) what the rows hold, to quote again from, so that
     * the quote's reasons say which limit the database held.
     */
    SubsidyRules.Usage claim(long dinerId, LocalDate date, SubsidyRules.Quote quote) {
        if (quote.subsidyFen() <= 0) {
            return null;
        }
        mapper.createDayUsage(List.of(new MealRecordMapper.DayKey(dinerId, date)));
        if (mapper.claimDays(List.of(new MealRecordMapper.DayClaim(dinerId, date, 1, quote.policy().mealsPerDay()))) == 1) {
            if (mapper.claimMonths(List.of(new MealRecordMapper.MonthClaim(dinerId, date.withDayOfMonth(1), quote.subsidyFen(),
                    quote.policy().monthlyCapFen()))) == 1) {
                return null;
            }
            mapper.giveBackDay(dinerId, date);
        }
        MealRecordMapper.UsageRow held = mapper.heldUsage(dinerId, date, date.withDayOfMonth(1));
        return new SubsidyRules.Usage(held.mealsToday(), 0, held.subsidyThisMonthFen());
    }

    /**
     * Claims the subsidies of many meals (quoted in this order) with three statements: their days'
     * meals, then their months' subsidy (two for one diner's day: the day row is created as it is claimed). False when a row refused: the caller rolls back what was
     * claimed (a savepoint) and records the meals one by one.
     */
    boolean claimAll(List<Claim> claims) {
        Map<MealRecordMapper.DayKey, MealRecordMapper.DayClaim> days = new LinkedHashMap<>();
        Map<MealRecordMapper.MonthKey, MealRecordMapper.MonthClaim> months = new LinkedHashMap<>();
        for (Claim claim : claims) {
            SubsidyRules.Quote quote = claim.quote();
            if (quote.subsidyFen() <= 0) {
                continue;
            }
            // a diner's meals of a day share a policy; of a month, the last one quoted bounds the total (each was within its cap)
            days.merge(new MealRecordMapper.DayKey(claim.dinerId(), claim.date()),
                    new MealRecordMapper.DayClaim(claim.dinerId(), claim.date(), 1, quote.policy().mealsPerDay()),
                    (before, added) -> new MealRecordMapper.DayClaim(before.dinerId(), before.date(), before.meals() + 1, added.limit()));
            LocalDate month = claim.date().withDayOfMonth(1);
            months.merge(new MealRecordMapper.MonthKey(claim.dinerId(), month),
                    new MealRecordMapper.MonthClaim(claim.dinerId(), month, quote.subsidyFen(), quote.policy().monthlyCapFen()),
                    (before, added) -> new MealRecordMapper.MonthClaim(before.dinerId(), month, before.subsidyFen() + added.subsidyFen(),
                            added.capFen()));
        }
        if (days.isEmpty()) {
            return true;
        }
        if (days.size() == 1) {
            // a counter's meal: its day claimed with the row's creation, one statement
            try {
                mapper.claimDayCreating(days.values().iterator().next());
            } catch (DataAccessException refused) {
                if (!String.valueOf(refused.getMostSpecificCause().getMessage()).contains(DAY_LIMIT)) {
                    throw refused;
                }
                return false;
            }
            return mapper.claimMonths(List.copyOf(months.values())) == months.size();
        }
        mapper.createDayUsage(List.copyOf(days.keySet()));
        return mapper.claimDays(List.copyOf(days.values())) == days.size() && mapper.claimMonths(List.copyOf(months.values())) == months.size();
    }

    /** Undoes a claim the record's insert then refused (before the savepoint is left). */
    void unclaim(long dinerId, LocalDate date, long subsidyFen) {
        if (subsidyFen > 0) {
            giveBack(dinerId, date, subsidyFen);
        }
    }

    /** Gives a standing subsidised meal's day and subsidy back, before it is reversed; its month rows are taken. */
    void giveBack(MealRecord record) {
        if (record.standing() && record.subsidy().fen() > 0) {
            mapper.createDayUsage(List.of(new MealRecordMapper.DayKey(record.dinerId(), record.date())));
            giveBack(record.dinerId(), record.date(), record.subsidy().fen());
        }
    }

    private void giveBack(long dinerId, LocalDate date, long subsidyFen) {
        int gave = mapper.giveBackDay(dinerId, date) + mapper.giveBackMonth(dinerId, date.withDayOfMonth(1), subsidyFen);
        if (gave != 2) {
            // the rows missed a record written around the application (a data load): they are behind, never ahead
            log.warn("Subsidy usage of diner {} on {} did not hold the {} fen given back", dinerId, date, subsidyFen);
        }
    }

    /** A meal's subsidy as quoted, to claim. */
    record Claim(long dinerId, LocalDate date, SubsidyRules.Quote quote) {
    }
}
