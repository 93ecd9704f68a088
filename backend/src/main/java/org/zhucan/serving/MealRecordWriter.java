package org.zhucan.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.zhucan.booking.CounterBookings;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.UniqueKeys;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerCategory;
import org.zhucan.diner.DinerStatus;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.menu.MenuChoices;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteSlot;
import org.zhucan.subsidy.StoredQuote;
import org.zhucan.subsidy.SubsidyRules;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording a checked meal: quoting it against the diner's standing meals (the subsidised ones
 * counted against the limits), claiming its subsidy on the diner's usage rows, inserting it with its
 * items, shares and flags, and marking its booking served. Logging at the counter, corrections and
 * offline uploads (a chunk at a time) all write through it.
 */
@Component
class MealRecordWriter {

    static final Duration TWO_SITES_WINDOW = Duration.ofMinutes(60);

    private final MealRecordMapper mapper;
    private final MealRecordUsage usage;
    private final MealChecks checks;
    private final CounterBookings counterBookings;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    MealRecordWriter(MealRecordMapper mapper, MealRecordUsage usage, MealChecks checks, CounterBookings counterBookings,
                     ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.usage = usage;
        this.checks = checks;
        this.counterBookings = counterBookings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Checks a meal and records it: the booking (by pickup code or QR), who the diner is (the
     * booking, the dinerId given, the ID card or meal card read: all that are given must agree),
     * the items at the menu's prices, and the price the device charged.
     */
    RecordResult record(Site site, MealInput in, MealRecordOrigin origin, String clientRecordId, String clientHash, String actor,
                                MealLookups lookups, String[] path) {
        List<UserError> problems = new ArrayList<>();
        Meal meal = checks.resolve(site, in, lookups, problems, path);
        if (meal == null) {
            return RecordResult.failed(problems);
        }
        return insertMeal(meal, origin, clientRecordId, clientHash, null, null, actor, lookups);
    }

    /**
     * Quotes a checked meal, inserts it with its items and shares, marks its booking served and
     * raises its flags (on the other site's record too). The diner's usage rows are taken first, so
     * the standing meals it then reads are all there are, and its subsidy is claimed on them.
     */
    RecordResult insertMeal(Meal meal, MealRecordOrigin origin, String clientRecordId, String clientHash, Long correctsId,
                                    String reason, String actor, MealLookups lookups) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long dinerId = meal.diner().diner().id();
        usage.take(usageKeys(dinerId, meal.servedAt()));
        List<MealRecord> standing = mapper.findStandingMealsOf(List.of(dinerId), readFrom(meal.date()), readTo(meal.date()));
        Assessment assessed = assess(meal, standing, lookups);
        SubsidyRules.Quote quote = claimed(meal, assessed.quote(), usageOf(standing, meal.date(), meal.slot().slot()), lookups);
        boolean secondMeal = assessed.secondMeal();
        long recordId = 0;
        MealRecordMapper.NewMealRecord row = null;
        for (int attempt = 0; recordId == 0; attempt++) {
            row = mealRow(meal, quote, secondMeal, origin, clientRecordId, clientHash, correctsId, reason, actor, now);
            try {
                GeneratedKey key = new GeneratedKey();
                mapper.insert(key, row);
                recordId = key.value();
            } catch (DuplicateKeyException e) {
                String which = UniqueKeys.violated(e);
                if (which.equals("uk_meal_record_subsidy") && attempt == 0) {
                    // another counter's subsidised meal of this diner and slot committed first: this one is the second
                    usage.unclaim(dinerId, meal.date(), quote.subsidyFen());
                    quote = SubsidyRules.slotAlreadySubsidised(quote);
                    secondMeal = true;
                    continue;
                }
                if (which.equals("uk_meal_record_booking")) {
                    return RecordResult.failed(UserError.of(UserErrorCode.ALREADY_SERVED, "The booking's meal has already been served"));
                }
                if (which.equals("uk_meal_record_face_token")) {
                    return RecordResult.failed(UserError.of(UserErrorCode.INVALID_FACE_TOKEN,
                            "This face token was already used for another meal; the terminal signs a new one for each meal"));
                }
                if (which.equals("uk_meal_record_client")) {
                    return RecordResult.duplicate(mapper.findByClientRecordIds(meal.site().id(), List.of(clientRecordId)).get(0));
                }
                throw e;
            }
        }
        MealRecord stored = row.stored(recordId);
        List<MealRecordItem> itemRows = new ArrayList<>();
        for (int i = 0; i < meal.items().size(); i++) {
            MenuChoices.Priced item = meal.items().get(i);
            itemRows.add(new MealRecordItem(recordId, i + 1, item.dishId(), item.setMealName(), item.name(), Money.ofFen(item.unitPriceFen()),
                    item.quantity()));
        }
        if (!itemRows.isEmpty()) {
            mapper.insertItems(recordId, itemRows);
        }
        insertShares(recordId, quote.shares(), 1);
        if (meal.bookingId() != null && !counterBookings.markServed(meal.bookingId())) {
            return RecordResult.failed(UserError.of(UserErrorCode.BOOKING_NOT_FOUND, "The booking was cancelled meanwhile"));
        }
        long id = recordId;
        if (!assessed.flags().isEmpty()) {
            mapper.insertFlags(assessed.flags().stream().map(flag -> flag.of(id)).toList(), now);
            List<MealRecordMapper.RecordFlag> answers = answeringFlags(meal, id, assessed.flags());
            if (!answers.isEmpty()) {
                mapper.insertFlagsIfAbsent(answers, now);
            }
        }
        events.publishEvent(new MealsServedFeed.Served(meal.site().id(), recordId));
        return new RecordResult(stored, List.of());
    }

    /**
     * The quote once its subsidy is claimed on the diner's usage rows. The rows agree with the
     * records the quote counted, so a refusal means records were written around them: the meal is
     * then quoted again from what the rows hold, so that its reasons say which limit held.
     */
    SubsidyRules.Quote claimed(Meal meal, SubsidyRules.Quote quote, SubsidyRules.Usage counted, MealLookups lookups) {
        SubsidyRules.Quote claiming = quote;
        SubsidyRules.Usage seen = counted;
        for (int attempt = 0; attempt < 3; attempt++) {
            SubsidyRules.Usage held = usage.claim(meal.diner().diner().id(), meal.date(), claiming);
            if (held == null) {
                return claiming;
            }
            seen = new SubsidyRules.Usage(Math.max(seen.mealsToday(), held.mealsToday()), seen.mealsThisSlot(),
                    Math.max(seen.subsidyThisMonthFen(), held.subsidyThisMonthFen()));
            claiming = lookups.quoter.quote(meal.diner(), meal.site().id(), meal.date(), meal.slot().slot(), Money.ofFen(meal.priceFen()), seen);
        }
        throw new IllegalStateException("the subsidy usage of diner " + meal.diner().diner().id() + " on " + meal.date() + " refused every claim");
    }

    /** A meal's row as quoted. */
    MealRecordMapper.NewMealRecord mealRow(Meal meal, SubsidyRules.Quote quote, boolean secondMeal, MealRecordOrigin origin,
                                                   String clientRecordId, String clientHash, Long correctsId, String reason, String actor,
                                                   Instant now) {
        return new MealRecordMapper.NewMealRecord(MealRecordKind.MEAL, origin, meal.site().id(), meal.site().operatorId(),
                meal.diner().diner().id(), meal.date(),
                meal.slot().slot(), meal.servedAt(), meal.bookingId(), meal.method(), meal.note(), Money.ofFen(quote.priceFen()),
                Money.ofFen(quote.subsidyFen()), Money.ofFen(quote.dinerPaysFen()), quote.policy() == null ? null : quote.policy().id(),
                qualifyingCategory(quote, meal.diner()), quoteJson(quote.shares(), quote.reasons()), secondMeal, clientRecordId, clientHash,
                null, correctsId, reason, actor, now);
    }

    /**
     * What a meal comes to, given the diner's standing meals around its date (see {@link #readFrom}):
     * the quote, counting the subsidised ones against the limits; whether it is a second meal of its
     * slot; and the flags it raises, with record ids filled in once it has one. Logging at the
     * counter and uploading share it, the one reading the meals for one record, the other for a chunk.
     */
    Assessment assess(Meal meal, List<MealRecord> standing, MealLookups lookups) {
        MealSlot slot = meal.slot().slot();
        SubsidyRules.Quote quote = lookups.quoter.quote(meal.diner(), meal.site().id(), meal.date(), slot, Money.ofFen(meal.priceFen()),
                usageOf(standing, meal.date(), slot));
        boolean secondMeal = standing.stream().anyMatch(other -> other.date().equals(meal.date()) && other.slot() == slot);
        List<MealRecordMapper.RecordFlag> flags = new ArrayList<>();
        standing.stream().filter(other -> other.siteId() != meal.site().id() && other.id() != 0
                        && Duration.between(other.servedAt(), meal.servedAt()).abs().compareTo(TWO_SITES_WINDOW) < 0)
                .min(Comparator.comparing((MealRecord other) -> Duration.between(other.servedAt(), meal.servedAt()).abs())
                        .thenComparing(MealRecord::id))
                .ifPresent(other -> flags.add(new MealRecordMapper.RecordFlag(0, MealRecordFlagCode.TWO_SITES_WITHIN_HOUR,
                        twoSitesDetail(other, lookups.site(other.siteId())), other.id())));
        dinerNotActive(meal).ifPresent(detail -> flags.add(new MealRecordMapper.RecordFlag(0, MealRecordFlagCode.DINER_NOT_ACTIVE, detail, null)));
        outsideServingHours(meal).ifPresent(detail -> flags.add(new MealRecordMapper.RecordFlag(0, MealRecordFlagCode.OUTSIDE_SERVING_HOURS,
                detail, null)));
        return new Assessment(quote, secondMeal, flags);
    }

    /** What {@link MealRecordUsage} would count, from the standing meals in hand: the subsidised ones that day, that slot, that month. */
    static SubsidyRules.Usage usageOf(List<MealRecord> standing, LocalDate date, MealSlot slot) {
        int today = 0;
        int thisSlot = 0;
        long thisMonth = 0;
        for (MealRecord meal : standing) {
            if (meal.subsidy().fen() <= 0 || !meal.date().withDayOfMonth(1).equals(date.withDayOfMonth(1))) {
                continue;
            }
            thisMonth += meal.subsidy().fen();
            if (meal.date().equals(date)) {
                today++;
                if (meal.slot() == slot) {
                    thisSlot++;
                }
            }
        }
        return new SubsidyRules.Usage(today, thisSlot, thisMonth);
    }

    /** The first date whose standing meals a meal on this date needs: its month's, and the day before for the 60-minute check. */
    static LocalDate readFrom(LocalDate date) {
        LocalDate dayBefore = date.minusDays(1);
        LocalDate monthStart = date.withDayOfMonth(1);
        return dayBefore.isBefore(monthStart) ? dayBefore : monthStart;
    }

    /** The last such date: the month's end, and the day after. */
    static LocalDate readTo(LocalDate date) {
        LocalDate dayAfter = date.plusDays(1);
        LocalDate monthEnd = date.with(TemporalAdjusters.lastDayOfMonth());
        return dayAfter.isAfter(monthEnd) ? dayAfter : monthEnd;
    }

    /** The usage rows a meal of the diner served then takes first (see {@link MealRecordUsage#keysOf}). */
    static List<MealRecordMapper.MonthKey> usageKeys(long dinerId, Instant servedAt) {
        return MealRecordUsage.keysOf(dinerId, servedAt, TWO_SITES_WINDOW);
    }

    /**
     * The other half of each two-sites flag a new record raised: the same flag on the other site's
     * record, pointing back, so that both counters' records are flagged whichever came second.
     */
    static List<MealRecordMapper.RecordFlag> answeringFlags(Meal meal, long recordId, List<MealRecordMapper.RecordFlag> raised) {
        return raised.stream().filter(flag -> flag.code() == MealRecordFlagCode.TWO_SITES_WITHIN_HOUR && flag.relatedId() != null)
                .map(flag -> new MealRecordMapper.RecordFlag(flag.relatedId(), MealRecordFlagCode.TWO_SITES_WITHIN_HOUR,
                        "Also served at " + meal.site().name() + " at " + BusinessTime.wallClock(meal.servedAt()), recordId))
                .toList();
    }

    static String twoSitesDetail(MealRecord other, Site otherSite) {
        return "Also served at " + (otherSite == null ? "site " + other.siteId() : otherSite.name()) + " at "
                + BusinessTime.wallClock(other.servedAt());
    }

    static Optional<String> dinerNotActive(Meal meal) {
        DinerStatus status = meal.diner().status();
        return status == DinerStatus.DECEASED || status == DinerStatus.MOVED_AWAY
                ? Optional.of("The diner is " + status + " on " + meal.date()) : Optional.empty();
    }

    static Optional<String> outsideServingHours(Meal meal) {
        LocalTime servedTime = meal.servedAt().atZone(BusinessTime.ZONE).toLocalTime();
        SiteSlot slot = meal.slot();
        return servedTime.isBefore(slot.servesFrom()) || servedTime.isAfter(slot.servesTo())
                ? Optional.of("Served at " + servedTime.truncatedTo(ChronoUnit.MINUTES) + "; " + slot.slot() + " is served "
                        + slot.servesFrom() + "-" + slot.servesTo())
                : Optional.empty();
    }

    void insertShares(long recordId, List<SubsidyRules.QuotedShare> shares, int sign) {
        if (!shares.isEmpty()) {
            mapper.insertShares(recordId, shares.stream().map(share -> new MealRecordMapper.ShareRow(share.source(), sign * share.amountFen()))
                    .toList());
        }
    }

    String quoteJson(List<SubsidyRules.QuotedShare> shares, List<SubsidyRules.Reason> reasons) {
        return json.writeValueAsString(new StoredQuote(shares, reasons));
    }

    /** The category that put the diner in the tier, for settlement's lines; null when the tier is by age alone. */
    static String qualifyingCategory(SubsidyRules.Quote quote, QuoteFacts diner) {
        if (quote.tier() == null || quote.tier().categories().isEmpty()) {
            return null;
        }
        return quote.tier().categories().stream().filter(diner.categories()::contains).sorted().map(DinerCategory::name).findFirst().orElse(null);
    }

    /** A meal's quote, whether it is a second meal of its slot, and its flags (record id 0 until it has one). */
    record Assessment(SubsidyRules.Quote quote, boolean secondMeal, List<MealRecordMapper.RecordFlag> flags) {
    }
}
