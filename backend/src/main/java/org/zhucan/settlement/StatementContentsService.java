package org.zhucan.settlement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.Sha256;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.serving.MealRecord;
import org.zhucan.serving.MealRecordReadService;

/**
 * What statements hold besides their headers: their lines, their totals per source, the check of
 * their content hash and pages of their flagged records.
 *
 * <p>{@link #contentsOf} reads the parts a caller asks for in the caller's own transaction, with
 * the headers it has just read (see {@link SettlementService}); the public reads serve a statement
 * reached without them. No scope check of their own: whoever may read a statement may read its parts.
 */
@Service
public class StatementContentsService {

    private final SettlementMapper mapper;
    private final MealRecordReadService mealRecords;

    StatementContentsService(SettlementMapper mapper, MealRecordReadService mealRecords) {
        this.mapper = mapper;
        this.mealRecords = mealRecords;
    }

    /** Whether a frozen statement still matches its hash; true for one not yet frozen, which has none to match. */
    @Transactional(readOnly = true)
    public boolean verified(SettlementStatement statement) {
        return verifiedByIds(List.of(statement)).get(statement.id());
    }

    /** The check of {@link #verified} for many statements, as read in this request, in two statements of SQL whatever their number. */
    @Transactional(readOnly = true)
    public Map<Long, Boolean> verifiedByIds(List<SettlementStatement> statements) {
        Map<Long, Boolean> result = new HashMap<>();
        List<Long> frozen = statements.stream().filter(statement -> statement.status().frozen()).map(SettlementStatement::id).toList();
        statements.forEach(statement -> result.put(statement.id(), true));
        if (frozen.isEmpty()) {
            return result;
        }
        Map<Long, SettlementStatement> given = new HashMap<>();
        statements.forEach(statement -> given.put(statement.id(), statement));
        Map<Long, List<SettlementLine>> lines = Batches.group(frozen, mapper.linesOf(frozen), SettlementLine::statementId);
        Map<Long, SettlementMapper.Fingerprint> fingerprints = new HashMap<>();
        mapper.fingerprints(frozen).forEach(fingerprint -> fingerprints.put(fingerprint.statementId(), fingerprint));
        for (long id : frozen) {
            SettlementStatement statement = given.get(id);
            result.put(id, statement.contentHash().equals(contentHash(statement, lines.get(id), fingerprints.get(id))));
        }
        return result;
    }

    /** SHA-256 over what an approval freezes: the header's figures, every line and the records' fingerprint. */
    static String contentHash(SettlementStatement statement, List<SettlementLine> lines, SettlementMapper.Fingerprint fingerprint) {
        StringBuilder text = new StringBuilder("zhucan-settlement-v1\n");
        text.append(String.join("|", String.valueOf(statement.id()), String.valueOf(statement.operatorId()),
                String.valueOf(statement.districtId()), statement.periodStart().toString(), statement.periodEnd().toString(),
                String.valueOf(statement.recordCount()), String.valueOf(statement.carriedCount()), String.valueOf(statement.flaggedCount()),
                String.valueOf(statement.mealSubsidy().fen()), String.valueOf(statement.operatingSubsidy().fen()),
                String.valueOf(statement.payable().fen()))).append('\n');
        for (SettlementLine line : lines) {
            text.append(String.join("|", line.kind().name(), String.valueOf(line.siteId()), line.source().name(), line.dinerCategory(),
                    String.valueOf(line.quantity()), String.valueOf(line.amount().fen())));
            if (line.scaled()) {
                // only scaled lines carry these, so the hash of a statement approved before score bands existed is unchanged
                text.append('|').append(line.evaluationMonth()).append('|').append(line.evaluationScore().toPlainString()).append('|')
                        .append(line.bandMinScore()).append('|').append(line.percentBasisPoints());
            }
            text.append('\n');
        }
        if (fingerprint != null) {
            text.append(fingerprint.records()).append('|').append(fingerprint.idSum()).append('|').append(fingerprint.digest()).append('|')
                    .append(fingerprint.shareSum()).append('\n');
        }
        return Sha256.hex(text.toString());
    }

    /**
     * The parts asked of statements just read, in the caller's transaction, so that they belong to
     * the same generation as the headers: one query per part whatever the number of statements.
     */
    StatementContents contentsOf(List<SettlementStatement> statements, StatementParts parts) {
        if (statements.isEmpty()) {
            return StatementContents.NONE;
        }
        List<Long> ids = statements.stream().map(SettlementStatement::id).toList();
        List<FlaggedPage> flaggedPages = new ArrayList<>();
        parts.flaggedPages().forEach(page -> ids.forEach(id -> flaggedPages.add(new FlaggedPage(id, page))));
        return new StatementContents(List.copyOf(statements), parts.lines() ? linesOf(ids) : Map.of(),
                parts.totals() ? totalsOf(ids) : Map.of(), parts.verified() ? verifiedByIds(statements) : Map.of(),
                flaggedPages.isEmpty() ? Map.of() : flaggedRecordPages(flaggedPages));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SettlementLine>> linesOf(Collection<Long> statementIds) {
        return Batches.group(statementIds, mapper.linesOf(statementIds), SettlementLine::statementId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SourceAmount>> totalsOf(Collection<Long> statementIds) {
        return Batches.group(statementIds, mapper.totalsOf(statementIds), SourceAmount::ownerId);
    }

    /**
     * A page of flagged records per statement, one query per distinct page asked for (a list asks
     * for one). The records are read without a scope check of their own: a statement's records are
     * within the scope of whoever may read the statement.
     */
    @Transactional(readOnly = true)
    public Map<FlaggedPage, List<MealRecord>> flaggedRecordPages(Collection<FlaggedPage> pages) {
        Map<FlaggedPage, List<MealRecord>> result = new HashMap<>();
        Map<PageRequest, List<FlaggedPage>> byPage = new HashMap<>();
        pages.forEach(page -> byPage.computeIfAbsent(page.page(), request -> new ArrayList<>()).add(page));
        byPage.forEach((request, asked) -> {
            Long afterId = request.hasAfter() ? Cursor.decodeId(request.after()) : null;
            List<SettlementMapper.FlaggedRecord> rows = mapper.flaggedRecordIds(asked.stream().map(FlaggedPage::statementId).toList(),
                    afterId, request.fetchSize());
            Map<Long, MealRecord> records = mealRecords.byIds(rows.stream().map(SettlementMapper.FlaggedRecord::mealRecordId).toList());
            Map<Long, List<MealRecord>> byStatement = new HashMap<>();
            rows.forEach(row -> byStatement.computeIfAbsent(row.statementId(), id -> new ArrayList<>()).add(records.get(row.mealRecordId())));
            asked.forEach(page -> result.put(page, byStatement.getOrDefault(page.statementId(), List.of())));
        });
        return result;
    }
}
