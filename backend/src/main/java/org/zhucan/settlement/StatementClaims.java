package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * The records a statement holds: its claims on them (settlement_record), one statement per record ever.
 *
 * <p>A new statement claims its period's records and, as carried, the earlier ones that no statement holds. A statement
 * generated again keeps its claims and brings them up to date: a record's operator, date and site never change, so a kept
 * claim stays right unless its site has since left the district (released), or its record has been flagged since (marked);
 * records that came since are claimed. Releasing a million claims and taking them again cost more than the rest of the
 * generation together.
 *
 * <p>Counters keep logging meals while a statement is generated (read committed: the records are not locked). The lines of
 * a whole statement (no other statement reaches its period) read the period's records rather than its claims, which is
 * cheaper; a record committed between the claim and the lines would then be paid by the lines without being claimed, and
 * paid again by the statement that carries it later. {@link #linesReadTheClaims} tells whether that can have happened.
 */
@Component
class StatementClaims {

    /** Records released or marked per statement sent: a site that left the district may take thousands with it. */
    private static final int CHUNK = 1000;

    private final SettlementMapper mapper;

    StatementClaims(SettlementMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * What a statement claims: the operator's records at the district's sites, of its period or carried into it.
     * {@code whole}: no other statement of the operator reaches the period, so none holds a record of it.
     */
    record Scope(long statementId, long operatorId, List<Long> sites, LocalDate start, LocalDate end, boolean whole) {
    }

    /** How many claims a statement holds: of its period (null when not counted) and carried. */
    record Held(Integer inPeriod, int carried) {

        /** All of them, or null when those of the period were not counted. */
        Integer records() {
            return inPeriod == null ? null : inPeriod + carried;
        }
    }

    Held claimAnew(Scope scope) {
        int claimed = mapper.claimPeriodRecords(scope.statementId(), scope.operatorId(), scope.sites(), scope.start(), scope.end(),
                scope.whole());
        int carried = mapper.claimCarriedRecords(scope.statementId(), scope.operatorId(), scope.sites(), scope.start());
        // a plain INSERT's count is the claims; one that skipped duplicates counts them too (found rows), so it is not one
        return new Held(scope.whole() ? Integer.valueOf(claimed) : null, carried);
    }

    Held keepAndBringUpToDate(Scope scope) {
        long id = scope.statementId();
        inChunks(mapper.claimsOffSites(id, scope.operatorId(), scope.sites(), scope.start(), scope.end()),
                chunk -> mapper.releaseClaims(id, chunk));
        SettlementMapper.IdSpan span = mapper.unflaggedClaimSpan(id);
        inChunks(mapper.claimsFlaggedSince(id, span == null || span.low() == null ? SettlementMapper.IdSpan.NONE : span),
                chunk -> mapper.markClaimsFlagged(id, chunk));
        int inPeriod = mapper.countClaims(id, false);
        // whole: every claim of the period is of a period record at the sites, so equal numbers mean nothing is left to claim
        if (!scope.whole() || periodRecords(scope) != inPeriod) {
            mapper.claimNewPeriodRecords(id, scope.operatorId(), scope.sites(), scope.start(), scope.end());
            inPeriod = mapper.countClaims(id, false);
        }
        mapper.claimCarriedRecords(id, scope.operatorId(), scope.sites(), scope.start());
        return new Held(inPeriod, mapper.countClaims(id, true));
    }

    /**
     * Whether lines written after the claims read exactly the claimed records of the period. Only a whole statement's lines
     * read the records themselves; they saw at least the claimed ones and at most those there now. Records are never deleted
     * and never change site, date or operator, so when the period's records still number the claims, none came in between.
     */
    boolean linesReadTheClaims(Scope scope, Held held) {
        return !scope.whole() || held.inPeriod() != null && periodRecords(scope) == held.inPeriod();
    }

    private int periodRecords(Scope scope) {
        return mapper.countPeriodRecords(scope.operatorId(), scope.sites(), scope.start(), scope.end());
    }

    private static void inChunks(List<Long> records, Consumer<List<Long>> write) {
        for (int from = 0; from < records.size(); from += CHUNK) {
            write.accept(records.subList(from, Math.min(records.size(), from + CHUNK)));
        }
    }
}
