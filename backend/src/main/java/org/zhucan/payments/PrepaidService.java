package org.zhucan.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.money.Money;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerService;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Prepaid balances (预存余额): top-ups and adjustments, the balance with its ledger, and the check that every
 * balance is the sum of its entries. The entry is written before the balance moves, in one transaction, so
 * a refused entry (a reference credited before) moves nothing; a balance goes down only by a conditional
 * UPDATE that refuses to take it below zero, whichever instance asks.
 */
@Service
public class PrepaidService {

    /** The most one top-up may bring: 5,000.00, a few months of meals; more is a typing mistake. */
    static final long MAX_TOP_UP_FEN = 500_000;

    private final PaymentMapper payments;
    private final PrepaidMapper mapper;
    private final DinerService dinerService;
    private final SiteService siteService;
    private final RegionService regionService;
    private final NetworkAccess networkAccess;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditService audit;
    private final Clock clock;
    private final IdempotencyKeys.Outcomes<PrepaidPayload> outcomes;

    PrepaidService(PaymentMapper payments, PrepaidMapper mapper, DinerService dinerService, SiteService siteService, RegionService regionService,
                   NetworkAccess networkAccess, IdempotencyKeys idempotencyKeys, AuditService audit, Clock clock) {
        this.payments = payments;
        this.mapper = mapper;
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.regionService = regionService;
        this.networkAccess = networkAccess;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.clock = clock;
        this.outcomes = new IdempotencyKeys.Outcomes<>(PrepaidPayload::failed, this::repeated,
                payload -> payload.isFailed() ? null : payload.entry().id());
    }

    @Transactional(readOnly = true)
    public PrepaidAccount account(long dinerId) {
        requireSees(dinerId);
        return accountOf(dinerId);
    }

    @Transactional(readOnly = true)
    public Connection<PrepaidEntry> entries(long dinerId, PageRequest page) {
        requireSees(dinerId);
        Long beforeId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        return Connection.of(mapper.findEntries(dinerId, beforeId, page.fetchSize()), page, entry -> Cursor.encode(entry.id()),
                mapper.countEntries(dinerId));
    }

    /** Every balance in the caller's region beside its ledger: ADMIN (a national one all) and FINANCE with a region. */
    @Transactional(readOnly = true)
    public PrepaidLedgerCheck check() {
        CurrentUser user = CurrentUser.get();
        String regionPath;
        if (user.roles().contains(Role.ADMIN)) {
            regionPath = user.regionId() == null ? null : networkAccess.adminRegionPath(user);
        } else if (user.roles().contains(Role.FINANCE) && user.regionId() != null) {
            regionPath = regionService.require(user.regionId()).path();
        } else {
            throw new AccessDeniedException("the balance check is for ADMIN and FINANCE");
        }
        List<PrepaidMapper.AccountRow> rows = mapper.accountsIn(regionPath);
        return new PrepaidLedgerCheck(rows.size(), rows.stream().filter(row -> row.balanceFen() != row.ledgerSumFen())
                .map(row -> new PrepaidMismatch(row.dinerId(), Money.ofFen(row.balanceFen()), Money.ofFen(row.ledgerSumFen()))).toList());
    }

    /**
     * topUpPrepaid: the site's staff take any method at the counter; the diner's family (a DINER account acting
     * for the diner) pays online only, the money going to the site named.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public PrepaidPayload topUp(TopUpPrepaidInput input) {
        CurrentUser user = CurrentUser.get();
        // as the counter sees diners (every one, as logMeal does for a walk-in); a family account its own
        dinerService.quoteFacts(input.dinerId(), BusinessTime.today(clock));
        Site site = siteService.require(input.siteId());
        boolean staff = networkAccess.isStaffOf(user, site);
        boolean familyOnline = user.roles().contains(Role.DINER) && input.method() != null && input.method().online();
        if (!staff && !familyOnline) {
            throw new AccessDeniedException("a top-up is taken by the site's staff, or paid online by the diner's family");
        }
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "topUpPrepaid", input.withoutKey(), outcomes,
                () -> topUp(input, site, user.username()));
    }

    private PrepaidPayload topUp(TopUpPrepaidInput input, Site site, String actor) {
        long amount = input.amount() == null ? 0 : input.amount().fen();
        if (amount <= 0 || amount > MAX_TOP_UP_FEN) {
            return PrepaidPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A top-up is more than 0.00 and at most "
                    + Money.ofFen(MAX_TOP_UP_FEN), "input", "amount"));
        }
        if (input.method() == null || input.method() == PaymentMethod.PREPAID || input.method() == PaymentMethod.FREE) {
            return PrepaidPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A top-up is paid in CASH, by CARD, WECHAT or ALIPAY",
                    "input", "method"));
        }
        List<UserError> problems = PaymentService.check(new PaymentInput(input.method(), input.externalReference()), "input");
        if (!problems.isEmpty()) {
            return PrepaidPayload.failed(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reference = input.method().online() ? input.externalReference().strip() : null;
        PrepaidMapper.KeyedEntry entry = new PrepaidMapper.KeyedEntry(new PaymentMapper.NewEntry(input.dinerId(), PrepaidEntryKind.TOP_UP, amount,
                input.method(), reference, null, site.id(), null, BusinessTime.today(clock), actor, now));
        try {
            mapper.insertEntry(entry);
        } catch (DuplicateKeyException used) {
            return PrepaidPayload.failed(UserError.of(UserErrorCode.REFERENCE_USED, "The " + input.method() + " payment " + reference
                    + " was credited before", "input", "externalReference"));
        }
        payments.addToBalance(input.dinerId(), amount, now);
        return written(input.dinerId(), entry.id(), "PREPAID_TOPPED_UP", Map.of("amount", Money.ofFen(amount).toString(), "method",
                input.method().name(), "reference", reference == null ? "" : reference, "site", site.id()));
    }

    /** adjustPrepaid: ADMIN and FINANCE who see the diner; never below zero. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public PrepaidPayload adjust(AdjustPrepaidInput input) {
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.FINANCE)) {
            throw new AccessDeniedException("prepaid balances are adjusted by ADMIN and FINANCE");
        }
        requireSees(input.dinerId());
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "adjustPrepaid", input.withoutKey(), outcomes,
                () -> adjust(input, user.username()));
    }

    private PrepaidPayload adjust(AdjustPrepaidInput input, String actor) {
        long amount = input.amount() == null ? 0 : input.amount().fen();
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (amount == 0 || Math.abs(amount) > MAX_TOP_UP_FEN) {
            return PrepaidPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "An adjustment is not 0.00 and at most "
                    + Money.ofFen(MAX_TOP_UP_FEN) + " either way", "input", "amount"));
        }
        if (reason.isEmpty() || reason.length() > 255) {
            return PrepaidPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give a reason of at most 255 characters", "input", "reason"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (amount < 0 && payments.takeFromBalance(input.dinerId(), -amount, now) != 1) {
            return PrepaidPayload.failed(UserError.of(UserErrorCode.INSUFFICIENT_BALANCE, "The balance is less than " + Money.ofFen(-amount),
                    "input", "amount"));
        }
        PrepaidMapper.KeyedEntry entry = new PrepaidMapper.KeyedEntry(new PaymentMapper.NewEntry(input.dinerId(), PrepaidEntryKind.ADJUSTMENT, amount,
                null, null, null, null, reason, null, actor, now));
        mapper.insertEntry(entry);
        if (amount > 0) {
            payments.addToBalance(input.dinerId(), amount, now);
        }
        return written(input.dinerId(), entry.id(), "PREPAID_ADJUSTED", Map.of("amount", Money.ofFen(amount).toString(), "reason", reason));
    }

    /** The payload of an entry just written, with the audit row of the change: the balance before and after. */
    private PrepaidPayload written(long dinerId, long entryId, String action, Map<String, Object> what) {
        PrepaidAccount after = accountOf(dinerId);
        PrepaidEntry entry = mapper.findEntry(entryId);
        Map<String, Object> afterState = new LinkedHashMap<>(what);
        afterState.put("balance", after.balance().toString());
        afterState.put("entry", entryId);
        audit.record(action, "PrepaidBalance", dinerId, Map.of("balance", after.balance().minus(entry.amount()).toString()), afterState);
        return new PrepaidPayload(after, entry, List.of());
    }

    private PrepaidPayload repeated(long entryId) {
        PrepaidEntry entry = mapper.findEntry(entryId);
        return new PrepaidPayload(accountOf(entry.dinerId()), entry, List.of());
    }

    private PrepaidAccount accountOf(long dinerId) {
        PrepaidMapper.AccountRow row = mapper.account(dinerId);
        return PrepaidAccount.of(dinerId, row.balanceFen(), row.ledgerSumFen());
    }

    /** NOT_FOUND for a diner outside the caller's scope (the diner feature's rule: family its diners, staff theirs). */
    private void requireSees(long dinerId) {
        if (dinerService.find(dinerId) == null) {
            throw new NotFoundException("Diner", dinerId);
        }
    }
}
