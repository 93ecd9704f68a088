package org.zhucan.evaluation;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Region;
import org.zhucan.security.CurrentUser;

/**
 * Closes a district's month of evaluation (考核月结): the ranking is computed once more from the
 * month's records and frozen, so that late voids and ratings no longer move it and what rests on it
 * (a quality-weighted operating subsidy, a case against a weak operator) reads the same figures as
 * were published. Only a month that is over; once; by the district's finance staff or administrators.
 */
@Service
public class EvaluationCloseService {

    private final EvaluationService evaluationService;
    private final EvaluationAccess access;
    private final FrozenEvaluations frozen;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EvaluationCloseService(EvaluationService evaluationService, EvaluationAccess access, FrozenEvaluations frozen, AuditService audit,
                           Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.evaluationService = evaluationService;
        this.access = access;
        this.frozen = frozen;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    public CloseEvaluationMonthResult close(CloseEvaluationMonthInput input) {
        if (input.districtId() == null || input.month() == null) {
            throw new BadRequestException("districtId and month are required", "input");
        }
        Region district = access.district(input.districtId(), "districtId");
        CallerScope scope = access.evaluationScope(district);
        if (scope.operatorId() != null) {
            throw new AccessDeniedException("a month's evaluation is closed by the district's finance staff or administrators");
        }
        YearMonth month = input.month();
        if (!month.isBefore(YearMonth.from(BusinessTime.today(clock)))) {
            return CloseEvaluationMonthResult.failed(UserError.of(UserErrorCode.PERIOD_NOT_ENDED,
                    month + " is not over: a month is closed from the first day of the next", "input", "month"));
        }
        if (frozen.read(district, month) != null) {
            return CloseEvaluationMonthResult.failed(alreadyClosed(district, month));
        }
        EvaluationService.Ranking ranking = evaluationService.rankToClose(district, month);
        if (ranking == null) {
            return CloseEvaluationMonthResult.failed(UserError.of(UserErrorCode.INVALID_PERIOD, "No evaluation weights are in force for "
                    + district.name() + " in " + month + ": an administrator sets them with setEvaluationWeights", "input", "month"));
        }
        String actor = CurrentUser.get().username();
        try {
            frozen.write(ranking, actor, clock.instant());
        } catch (DuplicateKeyException closedMeanwhile) {
            return CloseEvaluationMonthResult.failed(alreadyClosed(district, month));
        }
        EvaluationService.Ranking closed = frozen.read(district, month);
        audit.record("EVALUATION_MONTH_CLOSED", "EvaluationMonth", district.id() + "/" + month, null,
                Map.of("operatorCount", closed.operatorCount(), "scores", closed.evaluations().stream()
                        .map(row -> Map.of("operatorId", row.operatorId(), "rank", String.valueOf(row.rank()),
                                "score", String.valueOf(row.exactScore())))
                        .toList()));
        events.publishEvent(new EvaluationMonthClosed(district.id(), month, closed.evaluations().stream()
                .filter(row -> row.exactScore() != null)
                .map(row -> new EvaluationMonthClosed.OperatorScore(row.operatorId(), row.exactScore()))
                .toList(), actor));
        return new CloseEvaluationMonthResult(closed, List.of());
    }

    private static UserError alreadyClosed(Region district, YearMonth month) {
        return UserError.of(UserErrorCode.EVALUATION_CLOSED, month + " of " + district.name() + " is already closed; its ranking stays as frozen",
                "input", "month");
    }
}
