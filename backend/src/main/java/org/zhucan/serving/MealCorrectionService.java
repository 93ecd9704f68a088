package org.zhucan.serving;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.booking.Booking;
import org.zhucan.booking.CounterBookings;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.diner.DinerService;
import org.zhucan.menu.MenuChoices;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.payments.PaymentService;
import org.zhucan.security.CurrentUser;
import org.zhucan.subsidy.StoredQuote;
import org.zhucan.subsidy.SubsidyRules;

/**
 * voidMealRecord and correctMealRecord: a record is never changed, only reversed (a REVERSAL with
 * the amounts negated) and, for a correction, replaced by a new record quoted afresh.
 */
@Service
public class MealCorrectionService {

    private final MealRecordMapper mapper;
    private final MealRecordUsage usage;
    private final ServingAccess access;
    private final MealRecordReadService reads;
    private final MealChecks checks;
    private final MealRecordWriter writer;
    private final SiteService siteService;
    private final DinerService dinerService;
    private final CounterBookings counterBookings;
    private final PaymentService payments;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdempotencyKeys.Outcomes<CorrectionResult> correctionOutcomes;

    MealCorrectionService(MealRecordMapper mapper, MealRecordUsage usage, ServingAccess access, MealRecordReadService reads, MealChecks checks,
                          MealRecordWriter writer, SiteService siteService, DinerService dinerService, CounterBookings counterBookings,
                          PaymentService payments, IdempotencyKeys idempotencyKeys, AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.usage = usage;
        this.access = access;
        this.reads = reads;
        this.checks = checks;
        this.writer = writer;
        this.siteService = siteService;
        this.dinerService = dinerService;
        this.counterBookings = counterBookings;
        this.payments = payments;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.correctionOutcomes = new IdempotencyKeys.Outcomes<>(CorrectionResult::failed,
                this::repeatedCorrection, result -> result.failed() ? null : result.reversal().id());
    }

    /** voidMealRecord: a REVERSAL with the amounts negated; the record gets reversed_by_id and nothing else. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public CorrectionResult voidRecord(VoidMealRecordInput input) {
        CurrentUser user = CurrentUser.get();
        MealRecord record = requireCorrectable(user, input.recordId());
        String reason = input.reason() == null ? "" : input.reason().strip();
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "voidMealRecord", input.withoutKey(), correctionOutcomes,
                () -> voidRecord(record, reason, user.username()));
    }

    private CorrectionResult voidRecord(MealRecord record, String reason, String actor) {
        // the diner's row before the record: the order every writer of the diner's meals keeps
        usage.take(List.of(record.dinerId()));
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
    @RetryOnTransientFailure
    public CorrectionResult correct(CorrectMealRecordInput input) {
        CurrentUser user = CurrentUser.get();
        MealRecord record = requireCorrectable(user, input.recordId());
        String reason = input.reason() == null ? "" : input.reason().strip();
        return idempotencyKeys.once(user.username(), input.idempotencyKey(), "correctMealRecord", input.withoutKey(), correctionOutcomes,
                () -> correct(record, input, reason, user.username()));
    }

    private CorrectionResult correct(MealRecord record, CorrectMealRecordInput input, String reason, String actor) {
        // the rows of the record's diner and of the replacement's, before the record: the order every writer keeps
        usage.take(input.dinerId() == null ? List.of(record.dinerId()) : List.of(record.dinerId(), input.dinerId()));
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

    /**
     * For {@link DepartedDinerMeals}: a record served after a death or move-out recorded later, reversed and replaced
     * by a record quoted afresh. The diner is no longer ACTIVE on its date, so the replacement carries no subsidy and
     * the diner (or the estate) owes the full price; the usage rows give the subsidy back. When the site no longer
     * serves the slot the replacement cannot be quoted, and the record is voided only (the correction says so in its
     * audit row). A record already reversed meanwhile is left as it is: the result is failed.
     */
    CorrectionResult withdrawSubsidy(MealRecord record, String reason, String actor) {
        usage.take(List.of(record.dinerId()));
        CorrectionResult reversed = reverse(mapper.findByIdForUpdate(record.id()), reason, actor);
        if (reversed.failed()) {
            return reversed;
        }
        RecordResult replacement = replace(record, new CorrectMealRecordInput(null, record.id(), reason, null, null, null), reason, actor);
        if (replacement.failed()) {
            audit.record("MEAL_RECORD_VOIDED", "MealRecord", record.id(), Map.of("subsidy", record.subsidy().toString()),
                    Map.of("reversal", reversed.reversal().id(), "reason", reason, "replacement", "none: " + replacement.userErrors().get(0).code()));
            return new CorrectionResult(mapper.findById(record.id()), reversed.reversal(), null, List.of());
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
        MealRecordMapper.KeyedRecord reversal = new MealRecordMapper.KeyedRecord(new MealRecordMapper.NewMealRecord(MealRecordKind.REVERSAL, MealRecordOrigin.VOID, record.siteId(), record.operatorId(), record.dinerId(),
                record.date(), record.slot(), record.servedAt(), record.bookingId(), record.verification(), record.verificationNote(),
                Money.ofFen(-record.price().fen()), Money.ofFen(-record.subsidy().fen()), Money.ofFen(-record.dinerPays().fen()),
                record.policyId(), record.dinerCategory(), writer.quoteJson(negated, stored.reasons()), false, null, null, record.id(), null, reason,
                actor, now));
        mapper.insertRecord(reversal);
        long reversalId = reversal.id();
        writer.insertShares(reversalId, stored.shares(), -1);
        if (mapper.markReversed(record.id(), reversalId) != 1) {
            throw new IllegalStateException("meal record " + record.id() + " was reversed while locked");
        }
        writer.changed(new SiteDay(record.siteId(), record.date()));
        payments.refundMeal(record.id(), actor);
        events.publishEvent(new MealRecordReversed(record.id(), reversalId));
        if (record.bookingId() != null) {
            counterBookings.unmarkServed(record.bookingId());
        }
        events.publishEvent(MealsServedFeed.Added.one(record.siteId(), reversalId));
        return new CorrectionResult(mapper.findById(record.id()), mapper.findById(reversalId), null, List.of());
    }

    private RecordResult replace(MealRecord record, CorrectMealRecordInput input, String reason, String actor) {
        List<UserError> problems = new ArrayList<>();
        Site site = siteService.require(record.siteId());
        MealLookups lookups = checks.lookups();
        SiteSlot slot = lookups.slot(site, record.slot(), record.servedAt());
        MealChecks.Verified verified = input.verification() == null ? new MealChecks.Verified(record.verification(), record.verificationNote(), null)
                : checks.verify(input.verification(), site, record.servedAt(), problems, "input", "verification");
        Booking booking = record.bookingId() == null ? null : counterBookings.byIdsForRecords(List.of(record.bookingId())).get(record.bookingId());
        Long dinerId = MealChecks.agreedDiner(booking == null ? null : booking.dinerId(), input.dinerId() == null ? record.dinerId() : input.dinerId(), verified, problems, "input");
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
        Meal meal = new Meal(site, slot, dinerService.quoteFacts(dinerId, record.date()), record.date(), record.servedAt(), record.bookingId(), null,
                verified.method(), verified.note(), items, priceFen, payments.paidWith(record.id()));
        return writer.writeOne(MealRecordWriter.Pending.correcting(meal, record.id(), reason), MealRecordOrigin.CORRECTION, actor, lookups);
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
}
