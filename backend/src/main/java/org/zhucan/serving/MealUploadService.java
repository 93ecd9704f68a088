package org.zhucan.serving;

import java.time.LocalDate;
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
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.Sha256;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

import static org.zhucan.serving.FieldPaths.at;

/**
 * uploadMealRecords: the records a counter device kept while offline, checked and recorded in one
 * transaction (a chunk the database refuses goes again record by record), so that one bad record never
 * fails the others and a record uploaded again counts once (by the site and its client record id).
 */
@Service
public class MealUploadService {

    private static final Logger log = LoggerFactory.getLogger(MealUploadService.class);

    static final int MAX_UPLOAD = 1000;
    /**
     * Offline records per transaction: a whole upload. A chunk's statements are one each however many records it has
     * (claims, diners taken, batches), so a hundred to a chunk paid them ten times an upload: 2,700 records/s against 3,500
     * in one (serving benchmark, 2026-12-04). A chunk the database refuses is written again record by record.
     */
    private static final int UPLOAD_CHUNK = MAX_UPLOAD;
    private static final Pattern CLIENT_RECORD_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final MealRecordMapper mapper;
    private final ServingAccess access;
    private final MealChecks checks;
    private final MealRecordWriter writer;
    private final SiteService siteService;
    private final JsonMapper json;
    private final TransactionTemplate chunkTransaction;
    private final TransactionTemplate recordSavepoint;

    MealUploadService(MealRecordMapper mapper, ServingAccess access, MealChecks checks, MealRecordWriter writer, SiteService siteService,
                      JsonMapper json, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.access = access;
        this.checks = checks;
        this.writer = writer;
        this.siteService = siteService;
        this.json = json;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.recordSavepoint = new TransactionTemplate(transactions);
        this.recordSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * uploadMealRecords: up to {@link #UPLOAD_CHUNK} records to a transaction, each chunk written at once and, if the
     * database refuses that, record by record, so one bad record never fails the others. A chunk the
     * database chose as a deadlock victim is simply run again (records it had added went with it, and
     * the unique site and client record id makes every record count once).
     */
    public UploadResult upload(UploadMealRecordsInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireStaffOf(user, site);
        if (site.kind() == SiteKind.CENTRAL_KITCHEN) {
            return UploadResult.failed(UserError.of(UserErrorCode.KITCHEN_ONLY_SITE,
                    site.name() + " is a central kitchen: it serves no meals, the sites it supplies do", "input", "siteId"));
        }
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
        List<String> clientIds = chunk.stream().map(i -> records.get(i).clientRecordId()).filter(MealUploadService::isClientRecordId).distinct()
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
                    RecordResult attempt = writer.record(site, record.meal(), MealRecordOrigin.OFFLINE, record.clientRecordId(), hash, actor,
                            lookups, path);
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
     * A chunk of an upload written at once: every record checked, then all written together by
     * {@link MealRecordWriter#writeTogether} (its diners' rows taken, quoted from one read of
     * their standing meals, a few multi-row statements in one savepoint). Returns false, having undone
     * its writes (not its locks), when the database refuses any of them (a usage row holds more than
     * the records said, or another counter served one of these bookings meanwhile): the caller then
     * records the chunk one record at a time, so that each refusal lands on its own record.
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
            pending.add(new Pending(i, MealRecordWriter.Pending.of(meal, record.clientRecordId(), hash)));
        }

        if (!pending.isEmpty()) {
            MealRecordWriter.Outcome written = writer.writeTogether(pending.stream().map(Pending::meal).toList(), MealRecordOrigin.OFFLINE, actor,
                    lookups);
            if (written.records() == null) {
                return false;
            }
            for (int k = 0; k < pending.size(); k++) {
                Pending p = pending.get(k);
                MealRecord stored = written.records().get(k);
                results[p.index()] = new UploadedRecord(p.meal().clientRecordId(), UploadOutcome.ACCEPTED, stored, List.of());
                earlier.put(p.meal().clientRecordId(), stored);
            }
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

    /** An uploaded record checked and waiting to be written with its chunk. */
    private record Pending(int index, MealRecordWriter.Pending meal) {
    }
}
