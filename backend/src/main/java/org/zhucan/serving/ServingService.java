package org.zhucan.serving;

import static org.zhucan.serving.FieldPaths.at;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.menu.MenuChoices;
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
    private static final Pattern CLIENT_RECORD_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final MealRecordMapper mapper;
    private final MealRecordUsage usage;
    private final ServingAccess access;
    private final MealRecordReadService reads;
    private final MealChecks checks;
    private final MealRecordWriter writer;
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

    ServingService(MealRecordMapper mapper, MealRecordUsage usage, ServingAccess access, MealRecordReadService reads, MealChecks checks, MealRecordWriter writer, SiteService siteService,
                   DinerService dinerService, BookingService bookingService, IdempotencyKeys idempotencyKeys, AuditService audit,
                   ApplicationEventPublisher events, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.usage = usage;
        this.access = access;
        this.reads = reads;
        this.checks = checks;
        this.writer = writer;
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
                () -> writer.record(site, input.meal(), MealRecordOrigin.COUNTER, null, null, user.username(), checks.lookups(), new String[] {"input"}));
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
                    RecordResult attempt = writer.record(site, record.meal(), MealRecordOrigin.OFFLINE, record.clientRecordId(), hash, actor, lookups, path);
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
            usage.take(pending.stream().flatMap(p -> MealRecordWriter.usageKeys(p.meal().diner().diner().id(), p.meal().servedAt()).stream()).toList());
            LocalDate from = pending.stream().map(p -> MealRecordWriter.readFrom(p.meal().date())).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = pending.stream().map(p -> MealRecordWriter.readTo(p.meal().date())).max(LocalDate::compareTo).orElseThrow();
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
                MealRecordWriter.Assessment assessed = writer.assess(meal, before, lookups);
                MealRecordMapper.NewMealRecord row = writer.mealRow(meal, assessed.quote(), assessed.secondMeal(), MealRecordOrigin.OFFLINE,
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
                    answers.addAll(MealRecordWriter.answeringFlags(pending.get(k).meal(), id, flags.get(k)));
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
        usage.take(MealRecordWriter.usageKeys(record.dinerId(), record.servedAt())); // before the record: the order every writer of the diner's meals keeps
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
        List<MealRecordMapper.MonthKey> keys = new ArrayList<>(MealRecordWriter.usageKeys(record.dinerId(), record.servedAt()));
        if (input.dinerId() != null) {
            keys.addAll(MealRecordWriter.usageKeys(input.dinerId(), record.servedAt()));
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
                record.policyId(), record.dinerCategory(), writer.quoteJson(negated, stored.reasons()), false, null, null, record.id(), null, reason,
                actor, now));
        long reversalId = key.value();
        writer.insertShares(reversalId, stored.shares(), -1);
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
        return writer.insertMeal(meal, MealRecordOrigin.CORRECTION, null, null, record.id(), reason, actor, lookups);
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

    /** An uploaded record checked and waiting to be written with its chunk. */
    private record Pending(int index, String clientRecordId, String hash, Meal meal) {
    }

}
