package org.zhucan.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.subsidy.FundingSource;

@Mapper
interface SettlementMapper {

    /** Takes the operator's and district's generation lock (creating its row the first time) until the transaction ends. */
    void lockOperatorDistrict(@Param("operatorId") long operatorId, @Param("districtId") long districtId);

    SettlementStatement findByPeriodForUpdate(@Param("operatorId") long operatorId, @Param("districtId") long districtId,
                                              @Param("start") LocalDate start, @Param("end") LocalDate end);

    int countOverlapping(@Param("operatorId") long operatorId, @Param("districtId") long districtId, @Param("start") LocalDate start,
                         @Param("end") LocalDate end);

    void insertStatement(@Param("key") GeneratedKey key, @Param("operatorId") long operatorId, @Param("districtId") long districtId,
                         @Param("start") LocalDate start, @Param("end") LocalDate end, @Param("by") String by, @Param("at") Instant at);

    int resetForRegeneration(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    void deleteLines(@Param("id") long id);

    List<Long> districtSiteIds(@Param("districtPath") String districtPath);

    /** Other statements of the operator that reach the period (end on or after its start), and so may hold records of it. */
    int countStatementsReaching(@Param("id") long id, @Param("operatorId") long operatorId, @Param("start") LocalDate start);

    /**
     * Claims the period's records of the operator at the sites that no statement holds. When no statement holds any of them
     * ({@code plain}), every one is inserted, and the count is how many it claimed; otherwise the count is not one.
     */
    int claimPeriodRecords(@Param("id") long id, @Param("operatorId") long operatorId, @Param("sites") List<Long> sites,
                           @Param("start") LocalDate start, @Param("end") LocalDate end, @Param("plain") boolean plain);

    /** Claims the period's records that no statement holds, when the statement keeps the claims it has. */
    void claimNewPeriodRecords(@Param("id") long id, @Param("operatorId") long operatorId, @Param("sites") List<Long> sites,
                               @Param("start") LocalDate start, @Param("end") LocalDate end);

    /** The records whose claims the statement holds although their sites are no longer among the district's. */
    List<Long> claimsOffSites(@Param("id") long id, @Param("operatorId") long operatorId, @Param("sites") List<Long> sites,
                              @Param("start") LocalDate start, @Param("end") LocalDate end);

    void releaseClaims(@Param("id") long id, @Param("records") Collection<Long> records);

    /** The lowest and highest record ids of the statement's unflagged claims of its period (null without any). */
    IdSpan unflaggedClaimSpan(@Param("id") long id);

    /** The records whose claims the statement holds as unflagged although they carry a flag now; span: {@link #unflaggedClaimSpan}. */
    List<Long> claimsFlaggedSince(@Param("id") long id, @Param("span") IdSpan span);

    record IdSpan(Long low, Long high) {

        static final IdSpan NONE = new IdSpan(0L, -1L);
    }

    void markClaimsFlagged(@Param("id") long id, @Param("records") Collection<Long> records);

    int countPeriodRecords(@Param("operatorId") long operatorId, @Param("sites") List<Long> sites, @Param("start") LocalDate start,
                           @Param("end") LocalDate end);

    int countClaims(@Param("id") long id, @Param("carried") boolean carried);

    /** Claims, as carried, the records dated before the period at the sites that no statement holds; how many. */
    int claimCarriedRecords(@Param("id") long id, @Param("operatorId") long operatorId, @Param("sites") List<Long> sites,
                             @Param("start") LocalDate start);

    /** {@code whole}: the statement holds every record of the period at the sites (no other statement reaches it). */
    void insertMealLines(@Param("id") long id, @Param("operatorId") long operatorId, @Param("sites") List<Long> sites,
                         @Param("start") LocalDate start, @Param("end") LocalDate end, @Param("whole") boolean whole);

    /** The period's meal lines of a whole statement as figures, per site, source and category (MealLinesAside). */
    List<LineTotal> periodMealLineTotals(@Param("operatorId") long operatorId, @Param("sites") List<Long> sites, @Param("start") LocalDate start,
                                         @Param("end") LocalDate end);

    /** Writes meal lines from their figures; not called with none. */
    void insertMealLineTotals(@Param("id") long id, @Param("lines") List<LineTotal> lines);

    /** The carried records' adjustment lines (the second half of {@link #insertMealLines}). */
    void insertAdjustmentLines(@Param("id") long id);

    /** A meal line's figures before it is written. */
    record LineTotal(long siteId, String source, String category, int quantity, long amountFen) {
    }

    LocalDate earliestCarriedDate(@Param("id") long id);

    void insertOperatingLines(@Param("id") long id, @Param("operatorId") long operatorId, @Param("sites") List<Long> sites,
                              @Param("earliest") LocalDate earliest, @Param("start") LocalDate start, @Param("end") LocalDate end,
                              @Param("whole") boolean whole, @Param("periods") List<OperatingPeriod> periods);

    /**
     * The first day of each month that the statement's records fall in, earliest first: the months of its carried records, and
     * those of its period's months (given by their first days) in which it holds a record of the operator.
     */
    List<LocalDate> recordMonths(@Param("id") long id, @Param("operatorId") long operatorId, @Param("periodMonths") List<LocalDate> periodMonths);

    /**
     * The header's counts and amounts. With {@code records} (and {@code carried}) known from the claims, only the few flagged claims
     * are counted; with null, every claim of the statement is.
     */
    void updateTotals(@Param("id") long id, @Param("records") Integer records, @Param("carried") int carried);

    int submit(@Param("id") long id, @Param("version") int version, @Param("by") String by, @Param("at") Instant at);

    int approve(@Param("id") long id, @Param("version") int version, @Param("by") String by, @Param("at") Instant at,
                @Param("hash") String hash);

    int reject(@Param("id") long id, @Param("version") int version, @Param("by") String by, @Param("at") Instant at,
               @Param("reason") String reason);

    int markPaid(@Param("id") long id, @Param("version") int version, @Param("reference") String reference,
                 @Param("paidOn") LocalDate paidOn, @Param("by") String by, @Param("at") Instant at);

    SettlementStatement findById(@Param("id") long id);

    List<SettlementStatement> findByIds(@Param("ids") Collection<Long> ids);

    List<SettlementStatement> findPage(@Param("f") StatementFilter filter, @Param("scope") CallerScope scope,
                                       @Param("beforeId") Long beforeId, @Param("limit") int limit);

    long count(@Param("f") StatementFilter filter, @Param("scope") CallerScope scope);

    List<SettlementLine> linesOf(@Param("ids") Collection<Long> statementIds);

    List<SourceAmount> totalsOf(@Param("ids") Collection<Long> statementIds);

    List<Fingerprint> fingerprints(@Param("ids") Collection<Long> statementIds);

    List<FlaggedRecord> flaggedRecordIds(@Param("ids") Collection<Long> statementIds, @Param("afterId") Long afterId,
                                         @Param("limit") int limit);

    FundingBudget findBudget(@Param("districtId") long districtId, @Param("year") int year, @Param("source") FundingSource source);

    void upsertBudget(@Param("districtId") long districtId, @Param("year") int year, @Param("source") FundingSource source,
                      @Param("amount") Money amount, @Param("by") String by, @Param("at") Instant at);

    List<FundingBudget> budgetsOf(@Param("districtId") long districtId, @Param("year") int year);

    List<SourceAmount> districtBudgetsUnder(@Param("regionId") long regionId, @Param("regionPath") String regionPath, @Param("year") int year);

    List<SourceAmount> statementAmountsBySource(@Param("districtId") long districtId, @Param("districtPath") String districtPath,
                                                @Param("from") LocalDate from, @Param("to") LocalDate to,
                                                @Param("kinds") List<SettlementLineKind> kinds,
                                                @Param("statuses") List<SettlementStatus> statuses);

    List<SourceAmount> recordSubsidyBySource(@Param("districtId") long districtId, @Param("districtPath") String districtPath,
                                             @Param("from") LocalDate from, @Param("to") LocalDate to);

    List<DifferenceRow> differences(@Param("districtId") long districtId, @Param("districtPath") String districtPath,
                                    @Param("from") LocalDate from, @Param("to") LocalDate to, @Param("limit") int limit);

    long countDifferences(@Param("districtId") long districtId, @Param("districtPath") String districtPath, @Param("from") LocalDate from,
                          @Param("to") LocalDate to);

    /**
     * A policy version's operating subsidy from its effective date until the next version's (exclusive; null when none).
     * Quality-weighted, one such rate per month needed, with the operator's frozen score of the month ({@code evaluationMonth}
     * e.g. "2026-11"), the band it falls in and the band's share in basis points; otherwise month "", no score, 10000.
     */
    record OperatingPeriod(LocalDate from, LocalDate until, long amountFen, FundingSource source, String evaluationMonth,
                           java.math.BigDecimal score, Integer bandMinScore, int percentBasisPoints) {

        static OperatingPeriod unscaled(LocalDate from, LocalDate until, long amountFen, FundingSource source) {
            return new OperatingPeriod(from, until, amountFen, source, "", null, null, 10_000);
        }
    }

    /** What a statement's content hash covers of its records, aggregated in SQL. */
    record Fingerprint(long statementId, long records, long idSum, String digest, long shareSum) {
    }

    record FlaggedRecord(long statementId, long mealRecordId) {
    }

    record DifferenceRow(long mealRecordId, ReconciliationDifferenceReason reason, Long statementId, Money subsidy) {
    }
}
