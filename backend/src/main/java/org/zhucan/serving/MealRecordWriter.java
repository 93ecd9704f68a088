package org.zhucan.serving;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.booking.CounterBookings;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.BatchedStatements;
import org.zhucan.common.sql.RoundTrips;
import org.zhucan.common.sql.UniqueKeys;
import org.zhucan.diner.DinerCategory;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.menu.MenuChoices;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.payments.MealCharge;
import org.zhucan.payments.PaymentService;
import org.zhucan.subsidy.StoredQuote;
import org.zhucan.subsidy.SubsidyRules;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording checked meals, one or a hundred with the same statements: taking the diners' rows,
 * quoting each meal against their standing meals (the subsidised ones counted against the limits),
 * inserting the records, then in one round trip claiming the subsidies on the rows, inserting the records' items, shares
 * and flags, marking their bookings served and charging the diner's share ({@link PaymentService}). Logging at the counter and corrections write one meal, offline
 * uploads a chunk; when the database refuses a chunk, its meals are written one at a time, so that
 * each refusal lands on its own meal and says why.
 */
@Component
class MealRecordWriter {

    private final MealRecordMapper mapper;
    private final MealRecordUsage usage;
    private final MealChecks checks;
    private final CounterBookings counterBookings;
    private final MealRollups rollups;
    private final PaymentService payments;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final BatchedStatements batches;
    private final RoundTrips roundTrips;

    MealRecordWriter(MealRecordMapper mapper, MealRecordUsage usage, MealChecks checks, CounterBookings counterBookings, MealRollups rollups,
                     PaymentService payments, ApplicationEventPublisher events, JsonMapper json, Clock clock, PlatformTransactionManager transactions,
                     BatchedStatements batches, RoundTrips roundTrips) {
        this.batches = batches;
        this.roundTrips = roundTrips;
        this.mapper = mapper;
        this.usage = usage;
        this.checks = checks;
        this.counterBookings = counterBookings;
        this.rollups = rollups;
        this.payments = payments;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        return writeOne(Pending.of(meal, clientRecordId, clientHash), origin, actor, lookups);
    }

    /**
     * One checked meal, written as a batch of one. A refusal is then the meal's own: a limit the
     * usage rows held (quoted again from what they hold, so that its reasons say which limit), the
     * slot's subsidy taken by a record written around the rows (a second meal), the booking served
     * or cancelled meanwhile, a face token or client record id used before.
     */
    RecordResult writeOne(Pending meal, MealRecordOrigin origin, String actor, MealLookups lookups) {
        Pending attempt = meal;
        for (int tries = 0; tries < 4; tries++) {
            Outcome outcome = writeTogether(List.of(attempt), origin, actor, lookups);
            if (outcome.records() != null) {
                return new RecordResult(outcome.records().get(0), List.of());
            }
            String key = outcome.refusedKey();
            if (key == null) {
                Meal refused = attempt.meal();
                MealRecordMapper.UsageRow held = mapper.heldUsage(refused.diner().diner().id(), refused.date(), refused.date().withDayOfMonth(1));
                attempt = attempt.heldAtLeast(new SubsidyRules.Usage(held.mealsToday(), 0, held.subsidyThisMonthFen()));
            } else if (key.equals(PREPAID_SHORT)) {
                return RecordResult.failed(UserError.of(UserErrorCode.INSUFFICIENT_BALANCE,
                        "The diner's prepaid balance does not cover the diner's share of this meal; top it up or take another payment", "input", "payment", "method"));
            } else if (key.equals(BOOKING_GONE) && attempt.meal().bookingRead() != null) {
                // changed since the counter read it (paid in advance, cancelled, served): marked whatever its version,
                // its advance read again, it is served, or refused as it now stands
                attempt = attempt.withMeal(attempt.meal().withoutBookingRead());
            } else if (key.equals(BOOKING_GONE)) {
                return RecordResult.failed(UserError.of(UserErrorCode.BOOKING_NOT_FOUND, "The booking was cancelled meanwhile"));
            } else if (key.equals("uk_meal_record_subsidy") && !attempt.slotTaken()) {
                attempt = attempt.withSlotTaken();
            } else if (key.equals("uk_meal_record_booking")) {
                return RecordResult.failed(UserError.of(UserErrorCode.ALREADY_SERVED, "The booking's meal has already been served"));
            } else if (key.equals("uk_meal_record_face_token")) {
                return RecordResult.failed(UserError.of(UserErrorCode.INVALID_FACE_TOKEN,
                        "This face token was already used for another meal; the terminal signs a new one for each meal"));
            } else if (key.equals("uk_meal_record_client")) {
                return RecordResult.duplicate(mapper.findByClientRecordIds(attempt.meal().site().id(), List.of(attempt.clientRecordId())).get(0));
            } else {
                throw new IllegalStateException("meal record refused by unique key " + key);
            }
        }
        throw new IllegalStateException("the subsidy usage of diner " + meal.meal().diner().diner().id() + " on " + meal.meal().date()
                + " refused every claim");
    }

    /**
     * Checked meals written together inside a savepoint: their diners' rows taken with their standing meals (so that
     * what they read is all there is, and no other counter writes their meals until this
     * commits), each quoted from the standing meals read once and counted as the batch adds its
     * own, the subsidies claimed, and every table written with one multi-row statement. When the
     * database refuses any of it, nothing is left written and the outcome says what refused.
     */
    Outcome writeTogether(List<Pending> meals, MealRecordOrigin origin, String actor, MealLookups lookups) {
        return writeTogether(meals, origin, k -> actor, k -> lookups);
    }

    /**
     * {@link #writeTogether} with each meal's own actor and lookups: counter meals of several requests written as one
     * ({@link CounterMealBatches}), each recorded by whoever logged it and quoted as its own request read it.
     */
    Outcome writeTogether(List<Pending> meals, MealRecordOrigin origin, IntFunction<String> actors, IntFunction<MealLookups> lookups) {
        return writeTogether(meals, origin, actors, lookups, Undo.SAVEPOINT);
    }

    /**
     * {@link #writeTogether} undone as {@code undo} says when the database refuses it: by its savepoint, the transaction
     * going on, or ({@link Undo#TRANSACTION}) by the caller rolling back the whole transaction, which then holds nothing
     * else: a refusal or a failure then leaves whatever was written until then, for that rollback to undo.
     */
    Outcome writeTogether(List<Pending> meals, MealRecordOrigin origin, IntFunction<String> actors, IntFunction<MealLookups> lookups,
                          Undo undo) {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation == null || isolation != Connection.TRANSACTION_READ_COMMITTED) {
            // what the usage rows hold is read after a refused claim: an older snapshot (REPEATABLE READ) would miss a meal
            // committed while this writer waited for its diners' rows, and every claim would then be refused
            throw new IllegalStateException("meal records are written in a READ COMMITTED transaction");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate from = meals.stream().map(p -> readFrom(p.meal().date())).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = meals.stream().map(p -> readTo(p.meal().date())).max(LocalDate::compareTo).orElseThrow();
        Map<Long, List<MealRecord>> eaten = usage.take(meals.stream().map(p -> p.meal().diner().diner().id()).toList(), from, to);
        // what each meal's usage rows start from if missing: the standing meals as read, before the batch adds its own
        List<SubsidyRules.Usage> standing = meals.stream().map(p -> usageOf(eaten.getOrDefault(p.meal().diner().diner().id(), List.of()),
                p.meal().date(), p.meal().slot().slot())).toList();
        List<MealRecordMapper.KeyedRecord> rows = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        List<MealRecordUsage.Claim> claims = new ArrayList<>();
        List<SiteDay> touched = new ArrayList<>();
        for (int k = 0; k < meals.size(); k++) {
            Pending p = meals.get(k);
            List<MealRecord> before = eaten.computeIfAbsent(p.meal().diner().diner().id(), id -> new ArrayList<>());
            Assessment assessed = assess(p, before, lookups.apply(k));
            touched.add(new SiteDay(p.meal().site().id(), p.meal().date()));
            // a two-sites flag lands on the other record too: its site's day changes as well
            assessed.flags().stream().filter(flag -> flag.relatedId() != null).forEach(flag -> before.stream()
                    .filter(other -> other.id() == flag.relatedId()).forEach(other -> touched.add(new SiteDay(other.siteId(), other.date()))));
            MealRecordMapper.NewMealRecord row = mealRow(p, assessed, origin, actors.apply(k), now);
            before.add(row.stored(0));
            rows.add(new MealRecordMapper.KeyedRecord(row));
            assessments.add(assessed);
            claims.add(new MealRecordUsage.Claim(p.meal().diner().diner().id(), p.meal().date(), assessed.quote(), standing.get(k)));
        }
        Supplier<Outcome> inserting = () -> insert(meals, rows, assessments, claims, touched, actors, now);
        Outcome outcome = undo == Undo.TRANSACTION ? inserting.get() : savepoint.execute(status -> {
            Outcome written = inserting.get();
            if (written.records() == null) {
                status.setRollbackOnly();
            }
            return written;
        });
        if (outcome.records() != null) {
            events.publishEvent(new MealsServedFeed.Added(outcome.records().stream().map(record -> new MealsServedFeed.Served(record.siteId(), record.id()))
                    .toList()));
        }
        return outcome;
    }

    private Outcome insert(List<Pending> meals, List<MealRecordMapper.KeyedRecord> rows, List<Assessment> assessments,
                           List<MealRecordUsage.Claim> claims, List<SiteDay> touched, IntFunction<String> actors, Instant now) {
        try {
            batches.run(MealRecordMapper.class, batch -> rows.forEach(batch::insertRecord));
        } catch (DuplicateKeyException refused) {
            return new Outcome(null, UniqueKeys.violated(refused));
        }
        List<MealRecordItem> items = new ArrayList<>();
        List<MealRecordMapper.RecordShare> shares = new ArrayList<>();
        List<MealRecordMapper.RecordFlag> flags = new ArrayList<>();
        List<MealRecordMapper.RecordFlag> answers = new ArrayList<>();
        List<MealCharge> charges = new ArrayList<>();
        for (int k = 0; k < meals.size(); k++) {
            long id = rows.get(k).id();
            Meal meal = meals.get(k).meal();
            for (int position = 0; position < meal.items().size(); position++) {
                MenuChoices.Priced item = meal.items().get(position);
                items.add(new MealRecordItem(id, position + 1, item.dishId(), item.setMealName(), item.name(), Money.ofFen(item.unitPriceFen()),
                        item.quantity()));
            }
            assessments.get(k).quote().shares().forEach(share -> shares.add(new MealRecordMapper.RecordShare(id, share.source(), share.amountFen())));
            assessments.get(k).flags().forEach(flag -> flags.add(flag.of(id)));
            answers.addAll(MealFlags.answering(meal, id, assessments.get(k).flags()));
            charges.add(new MealCharge(id, meal.site().id(), meal.diner().diner().id(), meal.date(), assessments.get(k).quote().dinerPaysFen(),
                    meal.payment(), actors.apply(k), now, meal.bookingId(), meal.advanceRead()));
        }
        // the writes that need nothing back go in one round trip (the one writer waits for each): the claims, items,
        // shares, flags, the bookings marked, and the charges when they are plain ones
        RoundTrips.Trip trip = roundTrips.start();
        usage.claimAll(claims, trip);
        mapper.insertItems(items, trip);
        mapper.insertShares(shares, trip);
        mapper.insertFlags(flags, now, trip);
        mapper.insertFlagsIfAbsent(answers, now, trip);
        // the bookings before the payments: their rows, held from here, keep an advance from being paid or refunded
        // while the meal takes it (payBooking and cancelBooking lock the booking first); one read at a version is marked
        // only at that version, so the advance read with it is the advance
        RoundTrips.Part marked = counterBookings.markAllServed(meals.stream().map(p -> p.meal().bookingToMark()).filter(Objects::nonNull).toList(),
                trip);
        RoundTrips.Part charged = payments.chargeMeals(charges, trip);
        try {
            trip.send();
        } catch (DataAccessException refused) {
            if (MealRecordUsage.refusedALimit(refused)) {
                return new Outcome(null, null);
            }
            throw refused;
        }
        if (marked != null && !marked.accepted()) {
            return new Outcome(null, BOOKING_GONE);
        }
        if (charged != null && !charged.accepted()) {
            throw new IllegalStateException("meal charges written " + charged.rows() + " of " + charges.size());
        }
        if (charged == null && !payments.chargeMeals(charges)) {
            return new Outcome(null, PREPAID_SHORT);
        }
        // last: the day's mark is the one row every meal of the site takes, held from here to the commit
        rollups.changed(touched);
        return new Outcome(rows.stream().map(row -> row.r().stored(row.id())).toList(), null);
    }

    /** A meal's row as quoted. */
    private MealRecordMapper.NewMealRecord mealRow(Pending p, Assessment assessed, MealRecordOrigin origin, String actor, Instant now) {
        Meal meal = p.meal();
        SubsidyRules.Quote quote = assessed.quote();
        return new MealRecordMapper.NewMealRecord(MealRecordKind.MEAL, origin, meal.site().id(), meal.site().operatorOn(meal.date()),
                meal.diner().diner().id(), meal.date(),
                meal.slot().slot(), meal.servedAt(), meal.bookingId(), meal.method(), meal.note(), Money.ofFen(quote.priceFen()),
                Money.ofFen(quote.subsidyFen()), Money.ofFen(quote.dinerPaysFen()), quote.policy() == null ? null : quote.policy().id(),
                qualifyingCategory(quote, meal.diner()), quoteJson(quote.shares(), quote.reasons()), assessed.secondMeal(), p.clientRecordId(),
                p.clientHash(), null, p.correctsId(), p.reason(), actor, now);
    }

    /**
     * What a meal comes to, given the diner's standing meals around its date (see {@link #readFrom}):
     * the quote, counting the subsidised ones against the limits (or what the usage rows hold, where
     * that is more); whether it is a second meal of its slot; and the flags it raises.
     */
    private static Assessment assess(Pending p, List<MealRecord> standing, MealLookups lookups) {
        Meal meal = p.meal();
        MealSlot slot = meal.slot().slot();
        SubsidyRules.Usage counted = usageOf(standing, meal.date(), slot);
        SubsidyRules.Usage held = p.heldAtLeast();
        SubsidyRules.Usage seen = held == null ? counted : new SubsidyRules.Usage(Math.max(counted.mealsToday(), held.mealsToday()),
                counted.mealsThisSlot(), Math.max(counted.subsidyThisMonthFen(), held.subsidyThisMonthFen()));
        SubsidyRules.Quote quote = lookups.quoter.quote(meal.diner(), meal.site().id(), meal.date(), slot, Money.ofFen(meal.priceFen()), seen);
        boolean secondMeal = standing.stream().anyMatch(other -> other.date().equals(meal.date()) && other.slot() == slot);
        if (p.slotTaken()) {
            // a subsidised meal of this slot was written around the diner's row: this one is the second
            quote = SubsidyRules.slotAlreadySubsidised(quote);
            secondMeal = true;
        }
        return new Assessment(quote, secondMeal, MealFlags.raisedBy(meal, standing, lookups));
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

    /** Marks a site's day for the roll-ups, for the writes beside this writer's (a void's reversal). */
    void changed(SiteDay day) {
        rollups.changed(List.of(day));
    }

    /** Shares of a record, negated ({@code sign} -1) for its reversal. */
    void insertShares(long recordId, List<SubsidyRules.QuotedShare> shares, int sign) {
        mapper.insertShares(shares.stream().map(share -> new MealRecordMapper.RecordShare(recordId, share.source(), sign * share.amountFen()))
                .toList());
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

    /** The refusal of a booking that was served or cancelled while the meal was written, or changed since it was read at its version. */
    private static final String BOOKING_GONE = "booking served or cancelled meanwhile";

    /** The refusal of a meal paid from a prepaid balance that does not cover it. */
    private static final String PREPAID_SHORT = "prepaid balance short";

    /**
     * A checked meal to write, with what its record carries besides: the device's client record id
     * and hash (uploads), the record it corrects and why (corrections); and, when written again
     * after a refusal, the usage the rows were found to hold or that its slot's subsidy was taken.
     */
    record Pending(Meal meal, String clientRecordId, String clientHash, Long correctsId, String reason, SubsidyRules.Usage heldAtLeast,
                   boolean slotTaken) {

        static Pending of(Meal meal, String clientRecordId, String clientHash) {
            return new Pending(meal, clientRecordId, clientHash, null, null, null, false);
        }

        static Pending correcting(Meal meal, long correctsId, String reason) {
            return new Pending(meal, null, null, correctsId, reason, null, false);
        }

        Pending heldAtLeast(SubsidyRules.Usage held) {
            return new Pending(meal, clientRecordId, clientHash, correctsId, reason, held, slotTaken);
        }

        Pending withMeal(Meal changed) {
            return new Pending(changed, clientRecordId, clientHash, correctsId, reason, heldAtLeast, slotTaken);
        }

        Pending withSlotTaken() {
            return new Pending(meal, clientRecordId, clientHash, correctsId, reason, heldAtLeast, true);
        }
    }

    /** How a refused {@link #writeTogether} is undone. */
    enum Undo {
        /** By a savepoint of its own (two round trips): the transaction goes on, with what it held before. */
        SAVEPOINT,
        /** By the caller rolling back its transaction, which holds nothing else: no savepoint is sent. */
        TRANSACTION
    }

    /**
     * The stored records in the order given, or (records null) a refusal with nothing written: the
     * unique key that refused, {@link #BOOKING_GONE}, or null when a usage row held a limit.
     */
    record Outcome(List<MealRecord> records, String refusedKey) {
    }

    /** A meal's quote, whether it is a second meal of its slot, and its flags (record id 0 until it has one). */
    private record Assessment(SubsidyRules.Quote quote, boolean secondMeal, List<MealRecordMapper.RecordFlag> flags) {
    }
}
