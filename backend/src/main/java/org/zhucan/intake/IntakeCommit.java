package org.zhucan.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.diner.ChangeDinerStatusInput;
import org.zhucan.diner.DinerResult;
import org.zhucan.diner.DinerRosterService;
import org.zhucan.diner.DinerStatusService;
import org.zhucan.diner.RosterDiner;
import org.zhucan.diner.RosterStatement;

/**
 * The commit of a validated import, in batches of 500 staged rows, each batch one transaction that also marks its
 * rows committed: a resumed commit goes on with the rows not committed yet. Roster rows are looked up again (the
 * registry may have changed since the dry run): NEW rows are registered together, UPDATE rows changed where they
 * still differ. Status-feed rows go through DinerStatusService, one diner at a time, with its consequences.
 */
@Component
class IntakeCommit {

    private final IntakeMapper mapper;
    private final IntakeFiles files;
    private final DinerRosterService roster;
    private final DinerStatusService statuses;
    private final AuditService audit;
    private final IntakeSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IntakeCommit(IntakeMapper mapper, IntakeFiles files, DinerRosterService roster, DinerStatusService statuses, AuditService audit,
                 IntakeSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.files = files;
        this.roster = roster;
        this.statuses = statuses;
        this.audit = audit;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void run(IntakeImport job, String owner) {
        long id = job.id();
        String sourceRef = "intake:" + id;
        int committed = job.committedCount();
        while (true) {
            List<IntakeMapper.PendingRow> rows = mapper.findPending(id, IntakeValidation.BATCH);
            if (rows.isEmpty()) {
                break;
            }
            if (job.kind() == IntakeKind.ROSTER) {
                commitRosterBatchRetrying(id, rows, sourceRef);
            } else {
                commitStatusBatch(id, rows, owner, committed);
            }
            committed += rows.size();
            if (mapper.heartbeat(id, owner, settings.leaseSeconds(), null, committed) == 0) {
                throw new LeaseLostException(id);
            }
        }
        transactions.executeWithoutResult(tx -> {
            mapper.recount(id);
            if (mapper.finishCommit(id, owner, clock.instant()) == 0) {
                throw new LeaseLostException(id);
            }
            IntakeImport done = mapper.findById(id);
            audit.record(job.kind() == IntakeKind.ROSTER ? "ROSTER_IMPORT_COMMITTED" : "STATUS_FEED_COMMITTED", "IntakeImport", id, null,
                    Map.of("rows", done.rowsTotal(), "new", done.newCount(), "updated", done.updateCount(),
                            "unchanged", done.unchangedCount(), "errors", done.errorCount()));
            mapper.deleteChunks(id);
        });
    }

    /**
     * The batch in one transaction, again on a deadlock or lock timeout (TransientFailures), and again (twice at most)
     * when a diner was registered or changed by someone else between the look-up and the write: the batch looks the
     * registry up afresh.
     */
    private void commitRosterBatchRetrying(long id, List<IntakeMapper.PendingRow> rows, String sourceRef) {
        for (int attempt = 1; ; attempt++) {
            try {
                TransientFailures.retry(() -> {
                    transactions.executeWithoutResult(tx -> commitRosterBatch(id, rows, sourceRef));
                    return null;
                });
                return;
            } catch (DuplicateKeyException | DinerRosterService.ConcurrentRosterChangeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void commitRosterBatch(long id, List<IntakeMapper.PendingRow> rows, String sourceRef) {
        Map<String, RosterStatement> byHash = new HashMap<>();
        for (IntakeMapper.PendingRow row : rows) {
            RosterStatement statement = IntakeValidation.statement(files.open(row.payloadEncrypted(), RosterPayload.class));
            byHash.put(files.hash(statement.idNumber().value()), statement);
        }
        Map<String, RosterDiner> registered = roster.findByIdNumberHashes(byHash.keySet());
        List<RosterStatement> fresh = new ArrayList<>();
        byHash.forEach((hash, statement) -> {
            RosterDiner diner = registered.get(hash);
            if (diner == null) {
                fresh.add(statement);
            } else {
                roster.updateFromRoster(diner, statement, sourceRef);
            }
        });
        roster.registerAll(fresh, sourceRef);
        mapper.markCommitted(rows.stream().map(IntakeMapper.PendingRow::id).toList(), clock.instant());
    }

    /**
     * Each row its own transaction (changeStatus's, with the consequences of a death); a row the registry now refuses
     * is reported as in error. The lease is renewed every 50 rows: a status change does much more than a roster row.
     */
    private void commitStatusBatch(long id, List<IntakeMapper.PendingRow> rows, String owner, int committedBefore) {
        List<Long> done = new ArrayList<>();
        for (IntakeMapper.PendingRow row : rows) {
            if (done.size() % 50 == 49 && mapper.heartbeat(id, owner, settings.leaseSeconds(), null, committedBefore + done.size()) == 0) {
                mapper.markCommitted(done, clock.instant());
                throw new LeaseLostException(id);
            }
            StatusPayload status = files.open(row.payloadEncrypted(), StatusPayload.class);
            DinerResult result = statuses.changeStatus(new ChangeDinerStatusInput(status.dinerId(), status.status(), status.effectiveOn(),
                    status.reason()));
            if (!result.userErrors().isEmpty()) {
                UserError error = result.userErrors().get(0);
                transactions.executeWithoutResult(tx -> {
                    mapper.markCommitFailed(row.id());
                    mapper.insertErrors(List.of(new IntakeMapper.NewError(id, row.rowNumber(), Column.STATUS.label,
                            "Refused at commit: " + error.code())));
                });
            }
            done.add(row.id());
        }
        mapper.markCommitted(done, clock.instant());
    }
}
