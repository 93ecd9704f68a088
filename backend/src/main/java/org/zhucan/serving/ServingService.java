package org.zhucan.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;

/**
 * logMeal: a meal served at the counter, checked ({@link MealChecks}) and recorded
 * ({@link MealRecordWriter}) once per idempotency key, which the record keeps. Offline uploads are {@link MealUploadService},
 * voids and corrections {@link MealCorrectionService}, reads {@link MealRecordReadService}.
 */
@Service
public class ServingService {

    private static final String OPERATION = "logMeal";

    private final MealRecordMapper mapper;
    private final ServingAccess access;
    private final MealChecks checks;
    private final MealRecordWriter writer;
    private final SiteService siteService;
    private final IdempotencyKeys idempotencyKeys;
    private final CounterMealBatches batches;

    ServingService(MealRecordMapper mapper, ServingAccess access, MealChecks checks, MealRecordWriter writer, SiteService siteService,
                   IdempotencyKeys idempotencyKeys, CounterMealBatches batches) {
        this.batches = batches;
        this.mapper = mapper;
        this.access = access;
        this.checks = checks;
        this.writer = writer;
        this.siteService = siteService;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * logMeal: the record, or the first record of an earlier call with the same key. The key is kept on the record it
     * made, as an offline record's id is (its site's clientRecordId, with the request's hash): the record's own unique
     * key claims it, with no statement of its own. A repeat at the same time waits on the first's diner row and then
     * meets its record (or its served booking, its used face token); either way it answers the first record, its own
     * work rolled back. The key then holds at its site for good, not for the 24 hours of other mutations' keys.
     *
     * <p>The meal is checked here, outside any transaction (each check is one statement, as READ COMMITTED would read
     * it), its diner's facts left to be read with the other meals written with it, and written with the meals of other counters that arrive at the same time ({@link CounterMealBatches}): by
     * this request in a READ COMMITTED transaction of its own, or by another request in its transaction. A failed
     * meal leaves nothing written; the lookup of an earlier call with its key then reads what has committed.
     */
    @RetryOnTransientFailure
    public RecordResult logMeal(LogMealInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireStaffOf(user, site);
        if (site.kind() == SiteKind.CENTRAL_KITCHEN) {
            return RecordResult.failed(UserError.of(UserErrorCode.KITCHEN_ONLY_SITE,
                    site.name() + " is a central kitchen: it serves no meals, the sites it supplies do", "input", "siteId"));
        }
        String key = input.idempotencyKey();
        if (!IdempotencyKeys.isWellFormed(key)) {
            return RecordResult.failed(IdempotencyKeys.malformedKey());
        }
        String requestHash = idempotencyKeys.requestHash(OPERATION, input.withoutKey());
        MealLookups lookups = checks.lookups();
        List<UserError> problems = new ArrayList<>();
        MealChecks.Checked checked = checks.check(site, input.meal(), lookups, problems, new String[] {"input"});
        RecordResult result = checked == null ? RecordResult.failed(problems) : batches.write(checked, key, requestHash, user.username(), lookups);
        if (result.record() != null) {
            return result;
        }
        // a failure may be the repeat's, failing only because the first succeeded (its booking served, its face token used)
        MealRecord first = result.duplicateOf() != null ? result.duplicateOf()
                : mapper.findByClientRecordIds(site.id(), List.of(key)).stream().findFirst().orElse(null);
        if (first == null) {
            return result;
        }
        boolean repeat = first.origin() == MealRecordOrigin.COUNTER && user.username().equals(first.recordedBy())
                && requestHash.equals(first.clientHash());
        return repeat ? new RecordResult(first, List.of()) : RecordResult.failed(IdempotencyKeys.reusedKey());
    }

    /**
     * A delivery booking's meal, delivered to the diner's home (DELIVERY): recorded as a served meal is, priced
     * and subsidised by the same rules, the booking marked served. Called by the delivery feature inside its own
     * READ COMMITTED transaction (as every meal write), once it has checked the courier's proof; {@code evidence} is what the
     * record keeps of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RecordResult recordDelivery(Site site, MealSlot slot, Instant deliveredAt, String pickupCode, String evidence, String courier) {
        // the diner's share is taken at the door, in cash by the courier, as at a counter when no payment is given (issue 22)
        MealInput meal = new MealInput(slot, deliveredAt, pickupCode, null, null, VerificationInput.delivery(evidence), null, null, null);
        return writer.record(site, meal, MealRecordOrigin.COUNTER, null, null, courier, checks.lookups(), new String[] {"input"});
    }
}
