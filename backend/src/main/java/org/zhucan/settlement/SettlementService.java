package org.zhucan.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * Subsidy settlement (补贴结算): statements per operator, district and period, and their lifecycle.
 * Funding budgets ({@link FundingBudgetService}) and the reconciliation of records against
 * statements ({@link ReconciliationService}) are services of their own.
 *
 * <p>Every sum is made in SQL ({@link SettlementMapper}). A record is settled by one statement
 * (the primary key of {@code settlement_record}); generations of one operator and district take
 * turns on a lock row. An approved statement is frozen: its content hash covers its header, its
 * lines and a fingerprint of its records, and is checked before payment and whenever read.
 *
 * <p>A statement's header and the parts a caller asks for (lines, totals, content check, flagged
 * records) are read together ({@link StatementParts}, {@link StatementContentsService}): reads in one
 * read-only REPEATABLE READ transaction, so that a regeneration committing meanwhile is either
 * wholly in them or wholly out; mutations inside their own transaction, so that their payload is
 * what they stored.
 */
@Service
public class SettlementService {

    private static final Logger log = LoggerFactory.getLogger(SettlementService.class);
    private static final int MAX_REASON = 500;
    private static final int MAX_REFERENCE = 64;

    private final SettlementMapper mapper;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final NetworkAccess networkAccess;
    private final OperatingRates operatingRates;
    private final StatementClaims claims;
    private final MealLinesAside linesAside;
    private final StatementContentsService contents;
    private final SettlementAccess access;
    private final AuditService audit;
    private final Clock clock;

    SettlementService(SettlementMapper mapper, OperatorService operatorService, RegionService regionService, NetworkAccess networkAccess,
                      OperatingRates operatingRates, StatementClaims claims, MealLinesAside linesAside, StatementContentsService contents, SettlementAccess access,
                      AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.networkAccess = networkAccess;
        this.operatingRates = operatingRates;
        this.claims = claims;
        this.linesAside = linesAside;
        this.contents = contents;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ generation

    /**
     * Generates the statement of an operator, district and period, or regenerates it while it is a
     * DRAFT or REJECTED. Read committed: the claim reads records without locking them, so counters
     * keep logging meals while a month is settled; a record committed too late for this claim is
     * carried into the next statement, and none is paid by lines that did not claim it ({@link StatementClaims}). The parts asked for are read before the commit: the payload
     * is the generation stored, even if another one follows at once.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public StatementResult generate(GenerateSettlementInput input, StatementParts parts) {
        CurrentUser user = CurrentUser.get();
        operatorService.require(input.operatorId());
        Region district = regionService.require(input.districtId());
        if (!(user.actsForOperator(input.operatorId()) || access.financeOrAdminOf(user, district))) {
            throw new AccessDeniedException("statements are generated by the operator's staff, the district's finance staff or administrators");
        }
        List<UserError> problems = new ArrayList<>();
        if (district.level() != RegionLevel.DISTRICT) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, district.name() + " is not a district", "input", "districtId"));
        }
        checkPeriod(input.periodStart(), input.periodEnd(), problems);
        if (!problems.isEmpty()) {
            return StatementResult.failed(problems);
        }
        mapper.lockOperatorDistrict(input.operatorId(), district.id());
        if (mapper.countOverlapping(input.operatorId(), district.id(), input.periodStart(), input.periodEnd()) > 0) {
            return StatementResult.failed(UserError.of(UserErrorCode.PERIOD_OVERLAPS,
                    "Another statement of this operator and district covers part of " + input.periodStart() + " to " + input.periodEnd(),
                    "input", "periodStart"));
        }
        String actor = user.username();
        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SettlementStatement previous = mapper.findByPeriodForUpdate(input.operatorId(), district.id(), input.periodStart(), input.periodEnd());
        PhaseClock phases = new PhaseClock();
        long id;
        if (previous == null) {
            GeneratedKey key = new GeneratedKey();
            mapper.insertStatement(key, input.operatorId(), district.id(), input.periodStart(), input.periodEnd(), actor, now);
            id = key.value();
        } else {
            if (!previous.status().regenerable()) {
                return StatementResult.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION,
                        "The statement is " + previous.status() + ": only a DRAFT or REJECTED statement is generated again", "input"));
            }
            id = previous.id();
            mapper.resetForRegeneration(id, actor, now);
        }
        List<Long> sites = mapper.districtSiteIds(district.path());
        // only a statement whose claims reach the period can hold its records (it claimed up to its own end): with none, the period's
        // records at the sites are all this one's, and the lines need not look up their claims
        boolean whole = mapper.countStatementsReaching(id, input.operatorId(), input.periodStart()) == 0;
        StatementClaims.Scope scope = new StatementClaims.Scope(id, input.operatorId(), sites, input.periodStart(), input.periodEnd(), whole);
        // a whole statement's meal lines are read from the records on another connection while the claim is written
        MealLinesAside.Pending linesRead = whole ? linesAside.start(scope) : null;
        StatementClaims.Held held = previous == null ? claims.claimAnew(scope) : claims.keepAndBringUpToDate(scope);
        phases.lap("claim");
        OperatingRates.Rates rates = operatingRates.of(district.id(), input.operatorId(), id, input.periodStart(), input.periodEnd());
        phases.lap("operating rates");
        if (rates.refused() != null) {
            // the claims and the reset above are undone: the statement stays as it was
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return StatementResult.failed(rates.refused());
        }
        if (previous != null) {
            mapper.deleteLines(id);
        }
        writeLines(scope, whole, linesRead == null ? null : linesRead.await(), held, rates.periods(), phases);
        if (!claims.linesReadTheClaims(scope, held)) {
            // records came between the claim and the lines, which read the records: written again from the claims alone
            mapper.deleteLines(id);
            writeLines(scope, false, null, held, rates.periods(), phases);
        }
        phases.lap("records counted again");
        mapper.updateTotals(id, held.records(), held.carried());
        phases.lap("header");
        if (log.isDebugEnabled()) {
            log.debug("statement {} {} ({}): {}", id, previous == null ? "generated" : "generated again, claims kept",
                    whole ? "whole period" : "claims looked up", phases);
        }
        SettlementStatement generated = mapper.findById(id);
        audit.record(previous == null ? "SETTLEMENT_GENERATED" : "SETTLEMENT_REGENERATED", "SettlementStatement", id, previous, generated);
        return StatementResult.of(generated, contents.contentsOf(List.of(generated), parts));
    }

    /**
     * The meal lines and the operating lines; {@code fromRecords}: read the period's records rather than the claims (whole only).
     * The meal lines read aside are written when they sum exactly the claimed records; otherwise they are read here.
     */
    private void writeLines(StatementClaims.Scope scope, boolean fromRecords, MealLinesAside.Read readAside, StatementClaims.Held held,
                            List<SettlementMapper.OperatingPeriod> operating, PhaseClock phases) {
        long id = scope.statementId();
        if (fromRecords && MealLinesAside.Read.matches(readAside, held.inPeriod())) {
            if (!readAside.lines().isEmpty()) {
                mapper.insertMealLineTotals(id, readAside.lines());
            }
            mapper.insertAdjustmentLines(id);
            phases.lap("meal lines (read aside)");
        } else {
            mapper.insertMealLines(id, scope.operatorId(), scope.sites(), scope.start(), scope.end(), fromRecords);
            phases.lap("meal lines");
        }
        if (!operating.isEmpty()) {
            LocalDate earliestCarried = mapper.earliestCarriedDate(id);
            mapper.insertOperatingLines(id, scope.operatorId(), scope.sites(), earliestCarried == null ? scope.start() : earliestCarried,
                    scope.start(), scope.end(), fromRecords, operating);
        }
        phases.lap("operating lines");
    }

    /** Wall time of generation's SQL steps, logged at DEBUG: the settlement benchmark reports them one by one. */
    private static final class PhaseClock {
        private final StringBuilder laps = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            laps.append(laps.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return laps.toString();
        }
    }

    /** A calendar month, or a calendar quarter, that has begun. */
    private void checkPeriod(LocalDate start, LocalDate end, List<UserError> problems) {
        boolean month = start.getDayOfMonth() == 1 && end.equals(start.with(TemporalAdjusters.lastDayOfMonth()));
        boolean quarter = start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0
                && end.equals(start.plusMonths(2).with(TemporalAdjusters.lastDayOfMonth()));
        if (!month && !quarter) {
            problems.add(UserError.of(UserErrorCode.INVALID_PERIOD,
                    "A period is a calendar month or quarter, from its first day to its last", "input", "periodEnd"));
        } else if (start.isAfter(BusinessTime.today(clock))) {
            problems.add(UserError.of(UserErrorCode.INVALID_PERIOD, "The period has not begun", "input", "periodStart"));
        }
    }

    // ------------------------------------------------------------ lifecycle

    /** DRAFT → SUBMITTED, by the operator's staff, once the period has ended. */
    @Transactional
    public StatementResult submit(TransitionInput input, StatementParts parts) {
        SettlementStatement statement = requireReadable(input.statementId());
        CurrentUser user = CurrentUser.get();
        if (!user.actsForOperator(statement.operatorId())) {
            throw new AccessDeniedException("only the operator's staff submit its statements");
        }
        UserError refused = refusal(statement, input.version(), SettlementStatus.DRAFT);
        if (refused == null && !statement.periodEnd().isBefore(BusinessTime.today(clock))) {
            refused = UserError.of(UserErrorCode.PERIOD_NOT_ENDED, "The period ends on " + statement.periodEnd() + "; submit it after that",
                    "input", "statementId");
        }
        if (refused != null) {
            return StatementResult.failed(refused);
        }
        int updated = mapper.submit(statement.id(), input.version(), user.username(), now());
        return transitioned(statement, updated, "SETTLEMENT_SUBMITTED", parts);
    }

    /** SUBMITTED → APPROVED, by the district's finance staff other than whoever generated it; freezes the content under its hash. */
    @Transactional
    public StatementResult approve(TransitionInput input, StatementParts parts) {
        SettlementStatement statement = requireReadable(input.statementId());
        UserError refused = reviewRefusal(statement, input.version());
        if (refused != null) {
            return StatementResult.failed(refused);
        }
        String hash = StatementContentsService.contentHash(statement, mapper.linesOf(List.of(statement.id())),
                fingerprintOf(statement.id()));
        int updated = mapper.approve(statement.id(), input.version(), CurrentUser.get().username(), now(), hash);
        return transitioned(statement, updated, "SETTLEMENT_APPROVED", parts);
    }

    /** SUBMITTED → REJECTED with a reason, by the district's finance staff other than whoever generated it. */
    @Transactional
    public StatementResult reject(RejectSettlementInput input, StatementParts parts) {
        SettlementStatement statement = requireReadable(input.statementId());
        UserError refused = reviewRefusal(statement, input.version());
        String reason = input.reason() == null ? "" : input.reason().trim();
        if (refused == null && (reason.isEmpty() || reason.length() > MAX_REASON)) {
            refused = UserError.of(UserErrorCode.INVALID_INPUT, "Give a reason of at most " + MAX_REASON + " characters", "input", "reason");
        }
        if (refused != null) {
            return StatementResult.failed(refused);
        }
        int updated = mapper.reject(statement.id(), input.version(), CurrentUser.get().username(), now(), reason);
        return transitioned(statement, updated, "SETTLEMENT_REJECTED", parts);
    }

    /** APPROVED → PAID with the payment's reference and date, by the district's finance staff, if the content still matches its hash. */
    @Transactional
    public StatementResult markPaid(MarkSettlementPaidInput input, StatementParts parts) {
        SettlementStatement statement = requireReadable(input.statementId());
        requireFinance(statement);
        UserError refused = refusal(statement, input.version(), SettlementStatus.APPROVED);
        String reference = input.paymentReference() == null ? "" : input.paymentReference().trim();
        if (refused == null && (reference.isEmpty() || reference.length() > MAX_REFERENCE)) {
            refused = UserError.of(UserErrorCode.INVALID_INPUT, "Give a payment reference of at most " + MAX_REFERENCE + " characters",
                    "input", "paymentReference");
        }
        if (refused == null && (input.paidOn().isAfter(BusinessTime.today(clock))
                || input.paidOn().isBefore(BusinessTime.dateOf(statement.reviewedAt())))) {
            refused = UserError.of(UserErrorCode.INVALID_INPUT, "The payment date must lie between the approval and today", "input", "paidOn");
        }
        if (refused == null && !contents.verified(statement)) {
            refused = UserError.of(UserErrorCode.CONTENT_CHANGED,
                    "The statement no longer matches what was approved; it must not be paid", "input", "statementId");
        }
        if (refused != null) {
            return StatementResult.failed(refused);
        }
        int updated = mapper.markPaid(statement.id(), input.version(), reference, input.paidOn(), CurrentUser.get().username(), now());
        return transitioned(statement, updated, "SETTLEMENT_PAID", parts);
    }

    private UserError reviewRefusal(SettlementStatement statement, int version) {
        CurrentUser user = requireFinance(statement);
        UserError refused = refusal(statement, version, SettlementStatus.SUBMITTED);
        if (refused == null && user.username().equals(statement.generatedBy())) {
            refused = UserError.of(UserErrorCode.SEPARATION_OF_DUTIES, "You generated this statement; another finance officer must review it",
                    "input", "statementId");
        }
        return refused;
    }

    private CurrentUser requireFinance(SettlementStatement statement) {
        CurrentUser user = CurrentUser.get();
        if (!access.financeOf(user, regionService.require(statement.districtId()))) {
            throw new AccessDeniedException("only the district's finance staff review and pay statements");
        }
        return user;
    }

    /** Why a transition from {@code from} at the version the caller saw cannot happen, or null. */
    private static UserError refusal(SettlementStatement statement, int version, SettlementStatus from) {
        if (statement.version() != version) {
            return UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The statement changed since you read it (version " + version + "; now "
                    + statement.version() + ", " + statement.status() + ")", "input", "version");
        }
        if (statement.status() != from) {
            return UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The statement is " + statement.status() + ", not " + from, "input",
                    "statementId");
        }
        return null;
    }

    /**
     * The statement after a transition, with the parts asked for read in the same transaction: the
     * update took the row's lock at the version read, so no regeneration came between.
     */
    private StatementResult transitioned(SettlementStatement before, int updated, String action, StatementParts parts) {
        if (updated != 1) {
            SettlementStatement now = mapper.findById(before.id());
            return StatementResult.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE,
                    "Someone else changed the statement first (now version " + now.version() + ", " + now.status() + ")", "input", "version"));
        }
        SettlementStatement after = mapper.findById(before.id());
        audit.record(action, "SettlementStatement", before.id(), before, after);
        return StatementResult.of(after, contents.contentsOf(List.of(after), parts));
    }

    private SettlementMapper.Fingerprint fingerprintOf(long statementId) {
        List<SettlementMapper.Fingerprint> found = mapper.fingerprints(List.of(statementId));
        return found.isEmpty() ? null : found.get(0);
    }

    // ------------------------------------------------------------ reads

    /** A statement the caller may read, or null. */
    @Transactional(readOnly = true)
    public SettlementStatement find(long id) {
        SettlementStatement statement = mapper.findById(id);
        return statement != null && mayRead(CurrentUser.get(), statement) ? statement : null;
    }

    /** A statement the caller may read, with the parts asked for, in one snapshot; {@link StatementContents#NONE} otherwise. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StatementContents read(long id, StatementParts parts) {
        SettlementStatement statement = find(id);
        return statement == null ? StatementContents.NONE : contents.contentsOf(List.of(statement), parts);
    }

    /** A page of statements, its total count, and the parts asked of its statements, in one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StatementPage list(StatementFilter filter, PageRequest page, StatementParts parts) {
        StatementFilter effective = filter == null ? StatementFilter.NONE : filter;
        CallerScope scope = readScope(CurrentUser.get());
        Long beforeId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<SettlementStatement> rows = mapper.findPage(effective, scope, beforeId, page.fetchSize());
        Connection<SettlementStatement> connection = Connection.of(rows, page, statement -> Cursor.encode(statement.id()),
                mapper.count(effective, scope));
        return new StatementPage(connection, contents.contentsOf(connection.edges().stream().map(Connection.Edge::node).toList(), parts));
    }

    /**
     * A statement for an export, with its lines, totals and content check in one snapshot, if the
     * caller is its operator's staff or the district's finance staff.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StatementContents export(long id) {
        return contents.contentsOf(List.of(requireExportable(id)), StatementParts.SHEET);
    }

    private SettlementStatement requireExportable(long id) {
        SettlementStatement statement = requireReadable(id);
        CurrentUser user = CurrentUser.get();
        if (!user.actsForOperator(statement.operatorId()) && !access.financeOf(user, regionService.require(statement.districtId()))) {
            throw new AccessDeniedException("statements are exported by their operator's staff and the district's finance staff");
        }
        return statement;
    }

    private SettlementStatement requireReadable(long id) {
        SettlementStatement statement = find(id);
        if (statement == null) {
            throw new NotFoundException("SettlementStatement", id);
        }
        return statement;
    }

    private boolean mayRead(CurrentUser user, SettlementStatement statement) {
        CallerScope scope = readScope(user);
        return scope.covers(statement.operatorId(), scope.regionPath() == null ? "" : regionService.require(statement.districtId()).path());
    }

    /** OPERATOR staff: their operator's statements; FINANCE: its region's; ADMIN: all. */
    private CallerScope readScope(CurrentUser user) {
        return networkAccess.staffScope(user, "statements are for the operator's staff, finance and administrators");
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
