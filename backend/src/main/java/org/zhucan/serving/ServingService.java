package org.zhucan.serving;

import static org.zhucan.serving.FieldPaths.at;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.Sha256;
import org.zhucan.booking.Booking;
import org.zhucan.booking.BookingService;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.UniqueKeys;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerCategory;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.DinerStatus;
import org.zhucan.menu.MenuChoices;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.security.CurrentUser;
import org.zhucan.subsidy.SubsidyRules;
import tools.jackson.databind.json.JsonMapper;

@Service
public class ServingService {

    private static final Logger log = LoggerFactory.getLogger(ServingService.class);

    static final int MAX_UPLOAD = 1000;
    /** Offline records per transaction: each record has its own savepoint inside it. */
    private static final int UPLOAD_CHUNK = 100;
    static final Duration TWO_SITES_WINDOW = Duration.ofMinutes(60);
    private static final Pattern CLIENT_RECORD_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final MealRecordMapper mapper;
    private final MealRecordUsage usage;
    private final ServingAccess access;
    private final MealRecordReadService reads;
    private final MealChecks checks;
    private final SiteService siteService;
    private final DinerService dinerService;
    private final BookingService bookingService;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate chunkTransaction;
    private final TransactionTemplate recordSavepoint;
    private final IdempotencyKeys.Outcomes<RecordResult> recordOutcomes;
    private final IdempotencyKeys.Outcomes<CorrectionResult> correctionOutcomes;

    ServingService(MealRecordMapper mapper, MealRecordUsage usage, ServingAccess access, MealRecordReadService reads, MealChecks checks, SiteService siteService,
                   DinerService dinerService, BookingService bookingService, IdempotencyKeys idempotencyKeys, AuditService audit,
                   ApplicationEventPublisher events, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.usage = usage;
        this.access = access;
        this.reads = reads;
        this.checks = checks;
        this.siteService = siteService;
        this.dinerService = dinerService;
        this.bookingService = bookingService;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.recordSavepoint = new TransactionTemplate(transactions);
        this.recordSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.correctionOutcomes = new IdempotencyKeys.Outcomes<>(CorrectionResult::failed,
                this::repeatedCorrection, result -> result.failed() ? null : result.reversal().id());
        this.recordOutcomes = new IdempotencyKeys.Outcomes<>(RecordResult::failed,
                id -> new RecordResult(mapper.findById(id), List.of()), result -> result.failed() ? null : result.record().id());
    }

    // ---------------------------------------------------------------- logging

    /** logMeal: the record, or the first result of an earlier call with the same key. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public RecordResult logMeal(LogMealInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireStaffOf(user, site);
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "logMeal", input.withoutKey(), recordOutcomes,
                () -> record(site, input.meal(), MealRecordOrigin.COUNTER, null, null, user.username(), checks.lookups(), new String[] {"input"}));
    }

    /**
     * uploadMealRecords: a hundred records to a transaction, each chunk written at once and, if the
     * database refuses that, record by record, so one bad record never fails the others. A chunk the
     * database chose as a deadlock victim is simply run again (records it had added went with it, and
     * the unique site and client record id makes every record count once).
     */
    public UploadResult upload(UploadMealRecordsInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireStaffOf(user, site);
        List<OfflineMealRecordInput> records = input.records() == null ? List.of() : input.records();
        if (records.isEmpty() || records.size() > MAX_UPLOAD) {
            return UploadResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "An upload takes 1 to " + MAX_UPLOAD + " records",
                    "input", "records"));
        }
        UploadedRecord[] results = new UploadedRecord[records.size()];
        // Records go in client record id order and a site's uploads take turns (its upload lock), so
        // devices replaying overlapping batches wait for each other instead of deadlocking.
        List<Integer> order = IntStream.range(0, records.size()).boxed()
                .sorted(Comparator.comparing(i -> Objects.toString(records.get(i).clientRecordId(), ""))).toList();
        MealLookups lookups = checks.lookups();
        for (int start = 0; start < order.size(); start += UPLOAD_CHUNK) {
            List<Integer> chunk = order.subList(start, Math.min(order.size(), start + UPLOAD_CHUNK));
            TransientFailures.retry(() -> chunkTransaction.execute(status -> {
                uploadChunk(site, records, chunk, results, user.username(), lookups);
                return null;
            }));
        }
        return UploadResult.of(List.of(results));
    }

    private void uploadChunk(Site site, List<OfflineMealRecordInput> records, List<Integer> chunk, UploadedRecord[] results, String actor,
                             MealLookups lookups) {
        mapper.lockUploads(site.id());
        List<String> clientIds = chunk.stream().map(i -> records.get(i).clientRecordId()).filter(ServingService::isClientRecordId).distinct()
                .toList();
        Map<String, MealRecord> earlier = new HashMap<>();
        if (!clientIds.isEmpty()) {
            mapper.findByClientRecordIds(site.id(), clientIds).forEach(record -> earlier.put(record.clientRecordId(), record));
        }
        try {
            if (uploadChunkAtOnce(site, records, chunk, results, actor, lookups, earlier)) {
                return;
            }
        } catch (RuntimeException e) {
            rethrowIfTransient(e);
            log.warn("Offline upload chunk of site {} could not be written at once; recording it record by record", site.id(), e);
        }
        // one record at a time, each in its own savepoint: what the database refused is then put down to its record alone
        for (int i : chunk) {
            OfflineMealRecordInput record = records.get(i);
            String[] path = {"input", "records", String.valueOf(i)};
            String hash = Sha256.hex(json.writeValueAsString(record));
            results[i] = settledWithoutWriting(record, hash, earlier, path);
            if (results[i] != null) {
                continue;
            }
            try {
                RecordResult result = recordSavepoint.execute(status -> {
                    RecordResult attempt = record(site, record.meal(), MealRecordOrigin.OFFLINE, record.clientRecordId(), hash, actor, lookups, path);
                    if (attempt.failed()) {
                        status.setRollbackOnly();
                    }
                    return attempt;
                });
                if (result.duplicateOf() != null) {
                    results[i] = UploadedRecord.replayed(record.clientRecordId(), result.duplicateOf(), hash, path);
                } else if (result.failed()) {
                    results[i] = new UploadedRecord(record.clientRecordId(), UploadOutcome.REJECTED, null, result.userErrors());
                } else {
                    results[i] = new UploadedRecord(record.clientRecordId(), UploadOutcome.ACCEPTED, result.record(), List.of());
                    earlier.put(record.clientRecordId(), result.record());
                }
            } catch (NotFoundException e) {
                results[i] = UploadedRecord.rejected(record.clientRecordId(), UserError.of(UserErrorCode.INVALID_INPUT, e.getMessage(), path));
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                // never let one record fail the batch; keep the cause in the log, not in the answer
                log.warn("Offline record {} of site {} could not be recorded", record.clientRecordId(), site.id(), e);
                results[i] = UploadedRecord.rejected(record.clientRecordId(), UserError.of(UserErrorCode.INVALID_INPUT,
                        "This record could not be recorded; check it and upload it again", path));
            }
        }
    }

    /**
     * A chunk of an upload written at once: every record checked; its diners' usage rows taken (so
     * no other counter or upload writes their meals until the chunk commits); every record quoted
     * from what the chunk then reads once (their standing meals of the month, which it counts as it
     * adds its own); the subsidies claimed on the usage rows and the records inserted with a few
     * multi-row statements inside one savepoint. Returns false, having undone its writes (not its
     * locks), when the database refuses any of them (a usage row holds more than the records said,
     * or another counter served one of these bookings meanwhile): the caller then records the chunk
     * one record at a time, so that each refusal lands on its own record.
     */
    private boolean uploadChunkAtOnce(Site site, List<OfflineMealRecordInput> records, List<Integer> chunk, UploadedRecord[] results,
                                      String actor, MealLookups lookups, Map<String, MealRecord> earlier) {
        Map<LocalDate, Set<Long>> named = new HashMap<>();
        for (int i : chunk) {
            OfflineMealRecordInput record = records.get(i);
            if (record.dinerId() != null && record.servedAt() != null) {
                named.computeIfAbsent(BusinessTime.dateOf(record.servedAt()), date -> new HashSet<>()).add(record.dinerId());
            }
        }
        named.forEach((date, dinerIds) -> lookups.prefetchFacts(dinerIds, date));

        List<Pending> pending = new ArrayList<>();
        Set<String> first = new HashSet<>();
        List<Integer> repeats = new ArrayList<>();
        for (int i : chunk) {
            OfflineMealRecordInput record = records.get(i);
            String[] path = {"input", "records", String.valueOf(i)};
            String hash = Sha256.hex(json.writeValueAsString(record));
            results[i] = settledWithoutWriting(record, hash, earlier, path);
            if (results[i] != null) {
                continue;
            }
            if (!first.add(record.clientRecordId())) {
                repeats.add(i);
                continue;
            }
            List<UserError> problems = new ArrayList<>();
            Meal meal;
            try {
                meal = checks.resolve(site, record.meal(), lookups, problems, path);
            } catch (NotFoundException e) {
                results[i] = UploadedRecord.rejected(record.clientRecordId(), UserError.of(UserErrorCode.INVALID_INPUT, e.getMessage(), path));
                continue;
            }
            if (meal == null) {
                results[i] = new UploadedRecord(record.clientRecordId(), UploadOutcome.REJECTED, null, List.copyOf(problems));
                continue;
            }
            pending.add(new Pending(i, record.clientRecordId(), hash, meal));
        }

        if (!pending.isEmpty()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            usage.take(pending.stream().flatMap(p -> usageKeys(p.meal().diner().diner().id(), p.meal().servedAt()).stream()).toList());
            LocalDate from = pending.stream().map(p -> readFrom(p.meal().date())).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = pending.stream().map(p -> readTo(p.meal().date())).max(LocalDate::compareTo).orElseThrow();
            Map<Long, List<MealRecord>> eaten = new HashMap<>();
            mapper.findStandingMealsOf(pending.stream().map(p -> p.meal().diner().diner().id()).distinct().toList(), from, to)
                    .forEach(meal -> eaten.computeIfAbsent(meal.dinerId(), id -> new ArrayList<>()).add(meal));
            List<MealRecordMapper.NewMealRecord> rows = new ArrayList<>();
            List<List<SubsidyRules.QuotedShare>> shares = new ArrayList<>();
            List<List<MealRecordMapper.RecordFlag>> flags = new ArrayList<>();
            List<MealRecordUsage.Claim> claims = new ArrayList<>();
            for (Pending p : pending) {
                Meal meal = p.meal();
                List<MealRecord> before = eaten.computeIfAbsent(meal.diner().diner().id(), id -> new ArrayList<>());
                Assessment assessed = assess(meal, before, lookups);
                MealRecordMapper.NewMealRecord row = mealRow(meal, assessed.quote(), assessed.secondMeal(), MealRecordOrigin.OFFLINE,
                        p.clientRecordId(), p.hash(), null, null, actor, now);
                flags.add(assessed.flags());
                before.add(row.stored(0));
                rows.add(row);
                shares.add(assessed.quote().shares());
                claims.add(new MealRecordUsage.Claim(meal.diner().diner().id(), meal.date(), assessed.quote()));
            }
            Boolean written = recordSavepoint.execute(status -> {
                if (!usage.claimAll(claims)) {
                    status.setRollbackOnly();
                    return false;
                }
                try {
                    mapper.insertAll(rows);
                } catch (DuplicateKeyException refused) {
                    status.setRollbackOnly();
                    return false;
                }
                Map<String, Long> ids = new HashMap<>();
                mapper.findByClientRecordIds(site.id(), pending.stream().map(Pending::clientRecordId).toList())
                        .forEach(record -> ids.put(record.clientRecordId(), record.id()));
                List<MealRecordItem> itemRows = new ArrayList<>();
                List<MealRecordMapper.RecordShare> shareRows = new ArrayList<>();
                List<MealRecordMapper.RecordFlag> flagRows = new ArrayList<>();
                List<MealRecordMapper.RecordFlag> answers = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    long id = ids.get(pending.get(k).clientRecordId());
                    answers.addAll(answeringFlags(pending.get(k).meal(), id, flags.get(k)));
                    List<MenuChoices.Priced> items = pending.get(k).meal().items();
                    for (int position = 0; position < items.size(); position++) {
                        MenuChoices.Priced item = items.get(position);
                        itemRows.add(new MealRecordItem(id, position + 1, item.dishId(), item.setMealName(), item.name(),
                                Money.ofFen(item.unitPriceFen()), item.quantity()));
                    }
                    shares.get(k).forEach(share -> shareRows.add(new MealRecordMapper.RecordShare(id, share.source(), share.amountFen())));
                    flags.get(k).forEach(flag -> flagRows.add(flag.of(id)));
                }
                if (!itemRows.isEmpty()) {
                    mapper.insertItemsOfMany(itemRows);
                }
                if (!shareRows.isEmpty()) {
                    mapper.insertSharesOfMany(shareRows);
                }
                if (!flagRows.isEmpty()) {
                    mapper.insertFlags(flagRows, now);
                }
                if (!answers.isEmpty()) {
                    mapper.insertFlagsIfAbsent(answers, now);
                }
                if (!bookingService.markAllServed(pending.stream().map(p -> p.meal().bookingId()).filter(Objects::nonNull).toList())) {
                    status.setRollbackOnly();
                    return false;
                }
                for (int k = 0; k < pending.size(); k++) {
                    Pending p = pending.get(k);
                    MealRecord stored = rows.get(k).stored(ids.get(p.clientRecordId()));
                    results[p.index()] = new UploadedRecord(p.clientRecordId(), UploadOutcome.ACCEPTED, stored, List.of());
                    earlier.put(p.clientRecordId(), stored);
                }
                return true;
            });
            if (!Boolean.TRUE.equals(written)) {
                return false;
            }
            pending.forEach(p -> events.publishEvent(new MealsServedFeed.Served(site.id(), results[p.index()].record().id())));
        }
        for (int i : repeats) {
            OfflineMealRecordInput record = records.get(i);
            String[] path = {"input", "records", String.valueOf(i)};
            MealRecord firstRecord = earlier.get(record.clientRecordId());
            results[i] = firstRecord != null
                    ? UploadedRecord.replayed(record.clientRecordId(), firstRecord, Sha256.hex(json.writeValueAsString(record)), path)
                    : UploadedRecord.rejected(record.clientRecordId(), UserError.of(UserErrorCode.INVALID_INPUT,
                            "This clientRecordId comes twice in the upload, and its first record was rejected", at(path, "clientRecordId")));
        }
        return true;
    }

    /** An uploaded record that needs no writing: one with a malformed client record id, or one the site already has; null otherwise. */
    private static UploadedRecord settledWithoutWriting(OfflineMealRecordInput record, String hash, Map<String, MealRecord> earlier, String[] path) {
        if (!isClientRecordId(record.clientRecordId())) {
            return UploadedRecord.rejected(record.clientRecordId(), UserError.of(UserErrorCode.INVALID_INPUT,
                    "A clientRecordId is 8 to 64 letters, digits, - or _", at(path, "clientRecordId")));
        }
        MealRecord before = earlier.get(record.clientRecordId());
        return before == null ? null : UploadedRecord.replayed(record.clientRecordId(), before, hash, path);
    }

    /** What {@link MealRecordUsage} would count, from the standing meals in hand: the subsidised ones that day, that slot, that month. */
    private static SubsidyRules.Usage usageOf(List<MealRecord> standing, LocalDate date, MealSlot slot) {
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

    /**
     * What a meal comes to, given the diner's standing meals around its date (see {@link #readFrom}):
     * the quote, counting the subsidised ones against the limits; whether it is a second meal of its
     * slot; and the flags it raises, with record ids filled in once it has one. Logging at the
     * counter and uploading share it, the one reading the meals for one record, the other for a chunk.
     */
    private Assessment assess(Meal meal, List<MealRecord> standing, MealLookups lookups) {
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

    /** The first date whose standing meals a meal on this date needs: its month's, and the day before for the 60-minute check. */
    private static LocalDate readFrom(LocalDate date) {
        LocalDate dayBefore = date.minusDays(1);
        LocalDate monthStart = date.withDayOfMonth(1);
        return dayBefore.isBefore(monthStart) ? dayBefore : monthStart;
    }

    /** The last such date: the month's end, and the day after. */
    private static LocalDate readTo(LocalDate date) {
        LocalDate dayAfter = date.plusDays(1);
        LocalDate monthEnd = date.with(TemporalAdjusters.lastDayOfMonth());
        return dayAfter.isAfter(monthEnd) ? dayAfter : monthEnd;
    }

    /** The usage rows a meal of the diner served then takes first (see {@link MealRecordUsage#keysOf}). */
    private static List<MealRecordMapper.MonthKey> usageKeys(long dinerId, Instant servedAt) {
        return MealRecordUsage.keysOf(dinerId, servedAt, TWO_SITES_WINDOW);
    }

    /**
     * The other half of each two-sites flag a new record raised: the same flag on the other site's
     * record, pointing back, so that both counters' records are flagged whichever came second.
     */
    private static List<MealRecordMapper.RecordFlag> answeringFlags(Meal meal, long recordId, List<MealRecordMapper.RecordFlag> raised) {
        return raised.stream().filter(flag -> flag.code() == MealRecordFlagCode.TWO_SITES_WITHIN_HOUR && flag.relatedId() != null)
                .map(flag -> new MealRecordMapper.RecordFlag(flag.relatedId(), MealRecordFlagCode.TWO_SITES_WITHIN_HOUR,
                        "Also served at " + meal.site().name() + " at " + BusinessTime.wallClock(meal.servedAt()), recordId))
                .toList();
    }

    /**
     * Checks a meal and records it: the booking (by pickup code or QR), who the diner is (the
     * booking, the dinerId given, the ID card or meal card read: all that are given must agree),
     * the items at the menu's prices, and the price the device charged.
     */
    private RecordResult record(Site site, MealInput in, MealRecordOrigin origin, String clientRecordId, String clientHash, String actor,
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
    private RecordResult insertMeal(Meal meal, MealRecordOrigin origin, String clientRecordId, String clientHash, Long correctsId,
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
        if (meal.bookingId() != null && !bookingService.markServed(meal.bookingId())) {
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
    private SubsidyRules.Quote claimed(Meal meal, SubsidyRules.Quote quote, SubsidyRules.Usage counted, MealLookups lookups) {
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
    private MealRecordMapper.NewMealRecord mealRow(Meal meal, SubsidyRules.Quote quote, boolean secondMeal, MealRecordOrigin origin,
                                                   String clientRecordId, String clientHash, Long correctsId, String reason, String actor,
                                                   Instant now) {
        return new MealRecordMapper.NewMealRecord(MealRecordKind.MEAL, origin, meal.site().id(), meal.site().operatorId(),
                meal.diner().diner().id(), meal.date(),
                meal.slot().slot(), meal.servedAt(), meal.bookingId(), meal.method(), meal.note(), Money.ofFen(quote.priceFen()),
                Money.ofFen(quote.subsidyFen()), Money.ofFen(quote.dinerPaysFen()), quote.policy() == null ? null : quote.policy().id(),
                qualifyingCategory(quote, meal.diner()), quoteJson(quote.shares(), quote.reasons()), secondMeal, clientRecordId, clientHash,
                null, correctsId, reason, actor, now);
    }

    private static String twoSitesDetail(MealRecord other, Site otherSite) {
        return "Also served at " + (otherSite == null ? "site " + other.siteId() : otherSite.name()) + " at "
                + BusinessTime.wallClock(other.servedAt());
    }

    private static Optional<String> dinerNotActive(Meal meal) {
        DinerStatus status = meal.diner().status();
        return status == DinerStatus.DECEASED || status == DinerStatus.MOVED_AWAY
                ? Optional.of("The diner is " + status + " on " + meal.date()) : Optional.empty();
    }

    private static Optional<String> outsideServingHours(Meal meal) {
        LocalTime servedTime = meal.servedAt().atZone(BusinessTime.ZONE).toLocalTime();
        SiteSlot slot = meal.slot();
        return servedTime.isBefore(slot.servesFrom()) || servedTime.isAfter(slot.servesTo())
                ? Optional.of("Served at " + servedTime.truncatedTo(ChronoUnit.MINUTES) + "; " + slot.slot() + " is served "
                        + slot.servesFrom() + "-" + slot.servesTo())
                : Optional.empty();
    }

    // ---------------------------------------------------------------- voids and corrections

    /** voidMealRecord: a REVERSAL with the amounts negated; the record gets reversed_by_id and nothing else. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public CorrectionResult voidRecord(VoidMealRecordInput input) {
        CurrentUser user = CurrentUser.get();
        MealRecord record = requireCorrectable(user, input.recordId());
        String reason = input.reason() == null ? "" : input.reason().strip();
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "voidMealRecord", input.withoutKey(), correctionOutcomes,
                () -> voidRecord(record, reason, user.username()));
    }

    private CorrectionResult voidRecord(MealRecord record, String reason, String actor) {
        usage.take(usageKeys(record.dinerId(), record.servedAt())); // before the record: the order every writer of the diner's meals keeps
        CorrectionResult result = reverse(mapper.findByIdForUpdate(record.id()), reason, actor);
        if (result.failed()) {
            return result;
        }
        audit.record("MEAL_RECORD_VOIDED", "MealRecord", record.id(), Map.of("subsidy", record.subsidy().toString()),
                Map.of("reversal", result.reversal().id(), "reason", reason));
        return result;
    }

    /** correctMealRecord: reverses the record and adds a replacement, quoted afresh, with what changed. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public CorrectionResult correct(CorrectMealRecordInput input) {
        CurrentUser user = CurrentUser.get();
        MealRecord record = requireCorrectable(user, input.recordId());
        String reason = input.reason() == null ? "" : input.reason().strip();
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "correctMealRecord", input.withoutKey(), correctionOutcomes,
                () -> correct(record, input, reason, user.username()));
    }

    private CorrectionResult correct(MealRecord record, CorrectMealRecordInput input, String reason, String actor) {
        // the usage rows of the record's diner and of the replacement's, before the record: the order every writer keeps
        List<MealRecordMapper.MonthKey> keys = new ArrayList<>(usageKeys(record.dinerId(), record.servedAt()));
        if (input.dinerId() != null) {
            keys.addAll(usageKeys(input.dinerId(), record.servedAt()));
        }
        usage.take(keys);
        CorrectionResult reversed = reverse(mapper.findByIdForUpdate(record.id()), reason, actor);
        if (reversed.failed()) {
            return reversed;
        }
        RecordResult replacement = replace(record, input, reason, actor);
        if (replacement.failed()) {
            return CorrectionResult.failed(replacement.userErrors());
        }
        audit.record("MEAL_RECORD_CORRECTED", "MealRecord", record.id(), Map.of("diner", record.dinerId(), "price", record.price().toString(),
                "subsidy", record.subsidy().toString()), Map.of("replacement", replacement.record().id(), "diner", replacement.record().dinerId(),
                "price", replacement.record().price().toString(), "subsidy", replacement.record().subsidy().toString(), "reason", reason));
        return new CorrectionResult(mapper.findById(record.id()), reversed.reversal(), replacement.record(), List.of());
    }

    private CorrectionResult reverse(MealRecord record, String reason, String actor) {
        if (record.kind() == MealRecordKind.REVERSAL) {
            return CorrectionResult.failed(UserError.of(UserErrorCode.NOT_VOIDABLE, "A reversal cannot be voided", "input", "recordId"));
        }
        if (record.reversedById() != null) {
            return CorrectionResult.failed(UserError.of(UserErrorCode.ALREADY_VOIDED, "The record was voided by record " + record.reversedById(),
                    "input", "recordId"));
        }
        if (reason.isEmpty() || reason.length() > 255) {
            return CorrectionResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give a reason of at most 255 characters", "input", "reason"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        usage.giveBack(record);
        StoredQuote stored = reads.storedQuote(record);
        List<SubsidyRules.QuotedShare> negated = stored.shares().stream()
                .map(share -> new SubsidyRules.QuotedShare(share.source(), -share.amountFen(), share.zeroBecause())).toList();
        GeneratedKey key = new GeneratedKey();
        mapper.insert(key, new MealRecordMapper.NewMealRecord(MealRecordKind.REVERSAL, MealRecordOrigin.VOID, record.siteId(), record.operatorId(), record.dinerId(),
                record.date(), record.slot(), record.servedAt(), record.bookingId(), record.verification(), record.verificationNote(),
                Money.ofFen(-record.price().fen()), Money.ofFen(-record.subsidy().fen()), Money.ofFen(-record.dinerPays().fen()),
                record.policyId(), record.dinerCategory(), quoteJson(negated, stored.reasons()), false, null, null, record.id(), null, reason,
                actor, now));
        long reversalId = key.value();
        insertShares(reversalId, stored.shares(), -1);
        if (mapper.markReversed(record.id(), reversalId) != 1) {
            throw new IllegalStateException("meal record " + record.id() + " was reversed while locked");
        }
        events.publishEvent(new MealRecordReversed(record.id(), reversalId));
        if (record.bookingId() != null) {
            bookingService.unmarkServed(record.bookingId());
        }
        events.publishEvent(new MealsServedFeed.Served(record.siteId(), reversalId));
        return new CorrectionResult(mapper.findById(record.id()), mapper.findById(reversalId), null, List.of());
    }

    private RecordResult replace(MealRecord record, CorrectMealRecordInput input, String reason, String actor) {
        List<UserError> problems = new ArrayList<>();
        Site site = siteService.require(record.siteId());
        MealLookups lookups = checks.lookups();
        SiteSlot slot = lookups.slot(site, record.slot(), record.servedAt());
        MealChecks.Verified verified = input.verification() == null ? new MealChecks.Verified(record.verification(), record.verificationNote(), null)
                : checks.verify(input.verification(), site, record.servedAt(), problems, "input", "verification");
        Booking booking = record.bookingId() == null ? null : bookingService.byIdsForRecords(List.of(record.bookingId())).get(record.bookingId());
        Long dinerId = MealChecks.agreedDiner(booking, input.dinerId() == null ? record.dinerId() : input.dinerId(), verified, problems, "input");
        List<MenuChoices.Priced> items;
        if (input.items() == null) {
            items = mapper.findItemsOf(List.of(record.id())).stream().map(item -> new MenuChoices.Priced(null, item.dishId(), item.setMealName(),
                    item.name(), item.unitPrice().fen(), item.quantity(), null)).toList();
        } else {
            items = checks.priced(site, record.date(), record.slot(), input.items(), null, lookups, problems, "input", "items");
        }
        if (slot == null) {
            problems.add(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " did not serve " + record.slot() + " on " + record.date(),
                    "input", "recordId"));
        }
        if (!problems.isEmpty()) {
            return RecordResult.failed(problems);
        }
        long priceFen = items.stream().mapToLong(item -> item.unitPriceFen() * item.quantity()).sum();
        Meal meal = new Meal(site, slot, dinerService.quoteFacts(dinerId, record.date()), record.date(), record.servedAt(), record.bookingId(),
                verified.method(), verified.note(), items, priceFen);
        return insertMeal(meal, MealRecordOrigin.CORRECTION, null, null, record.id(), reason, actor, lookups);
    }

    private MealRecord requireCorrectable(CurrentUser user, long recordId) {
        MealRecord record = mapper.findById(recordId);
        if (record == null || !access.mayRead(user, record)) {
            throw new NotFoundException("MealRecord", recordId);
        }
        access.requireStaffOf(user, siteService.require(record.siteId()));
        return record;
    }

    /** A void or correction again: the records it made, found from the reversal whose id the key keeps. */
    private CorrectionResult repeatedCorrection(long reversalId) {
        MealRecord reversal = mapper.findById(reversalId);
        MealRecord replacement = mapper.findCorrectionOf(reversal.reversesId());
        return new CorrectionResult(mapper.findById(reversal.reversesId()), reversal, replacement, List.of());
    }

    // ---------------------------------------------------------------- helpers

    private void insertShares(long recordId, List<SubsidyRules.QuotedShare> shares, int sign) {
        if (!shares.isEmpty()) {
            mapper.insertShares(recordId, shares.stream().map(share -> new MealRecordMapper.ShareRow(share.source(), sign * share.amountFen()))
                    .toList());
        }
    }

    private String quoteJson(List<SubsidyRules.QuotedShare> shares, List<SubsidyRules.Reason> reasons) {
        return json.writeValueAsString(new StoredQuote(shares, reasons));
    }

    /** The category that put the diner in the tier, for settlement's lines; null when the tier is by age alone. */
    private static String qualifyingCategory(SubsidyRules.Quote quote, DinerService.QuoteFacts diner) {
        if (quote.tier() == null || quote.tier().categories().isEmpty()) {
            return null;
        }
        return quote.tier().categories().stream().filter(diner.categories()::contains).sorted().map(DinerCategory::name).findFirst().orElse(null);
    }

    /** A deadlock rolled the whole chunk back in the database: the chunk is run again (see {@link #upload}). */
    private static void rethrowIfTransient(RuntimeException failure) {
        if (isTransient(failure)) {
            throw new CannotAcquireLockException("offline upload chunk was chosen as a deadlock victim", failure);
        }
    }

    /**
     * Whether a failure means the database rolled the transaction back or timed out on a lock:
     * also when it comes wrapped in the failed savepoint rollback that followed it.
     */
    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException || cause instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            if (cause instanceof org.springframework.transaction.TransactionSystemException system && system.getApplicationException() != null
                    && isTransient(system.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClientRecordId(String id) {
        return id != null && CLIENT_RECORD_ID.matcher(id).matches();
    }

    // ---------------------------------------------------------------- types

    /** A meal's quote, whether it is a second meal of its slot, and its flags (record id 0 until it has one). */
    private record Assessment(SubsidyRules.Quote quote, boolean secondMeal, List<MealRecordMapper.RecordFlag> flags) {
    }

    /** An uploaded record checked and waiting to be written with its chunk. */
    private record Pending(int index, String clientRecordId, String hash, Meal meal) {
    }

}
