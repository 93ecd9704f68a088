package org.zhucan.serving;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.idempotency.IdempotencyKeys;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;

/**
 * logMeal: a meal served at the counter, checked ({@link MealChecks}) and recorded
 * ({@link MealRecordWriter}) once per idempotency key. Offline uploads are {@link MealUploadService},
 * voids and corrections {@link MealCorrectionService}, reads {@link MealRecordReadService}.
 */
@Service
public class ServingService {

    private final MealRecordMapper mapper;
    private final ServingAccess access;
    private final MealChecks checks;
    private final MealRecordWriter writer;
    private final SiteService siteService;
    private final IdempotencyKeys idempotencyKeys;
    private final IdempotencyKeys.Outcomes<RecordResult> recordOutcomes;

    ServingService(MealRecordMapper mapper, ServingAccess access, MealChecks checks, MealRecordWriter writer, SiteService siteService,
                   IdempotencyKeys idempotencyKeys) {
        this.mapper = mapper;
        this.access = access;
        this.checks = checks;
        this.writer = writer;
        this.siteService = siteService;
        this.idempotencyKeys = idempotencyKeys;
        this.recordOutcomes = new IdempotencyKeys.Outcomes<>(RecordResult::failed,
                id -> new RecordResult(mapper.findById(id), List.of()), result -> result.failed() ? null : result.record().id());
    }

    /** logMeal: the record, or the first result of an earlier call with the same key. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public RecordResult logMeal(LogMealInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = siteService.require(input.siteId());
        access.requireStaffOf(user, site);
        if (site.kind() == SiteKind.CENTRAL_KITCHEN) {
            return RecordResult.failed(UserError.of(UserErrorCode.KITCHEN_ONLY_SITE,
                    site.name() + " is a central kitchen: it serves no meals, the sites it supplies do", "input", "siteId"));
        }
        return idempotencyKeys.onceClaimingLast(user.username(), input.idempotencyKey(), "logMeal", input.withoutKey(), recordOutcomes,
                () -> writer.record(site, input.meal(), MealRecordOrigin.COUNTER, null, null, user.username(), checks.lookups(),
                        new String[] {"input"}));
    }
}
