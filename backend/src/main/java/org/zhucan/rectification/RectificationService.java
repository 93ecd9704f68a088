package org.zhucan.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.evaluation.EvaluationMonthClosed;
import org.zhucan.evaluation.EvaluationService;
import org.zhucan.network.OperatorContract;
import org.zhucan.network.OperatorContractService;
import org.zhucan.network.OperatorService;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * Takes rectification cases through their steps ({@link RectificationAction}), each one checked
 * against the case's status as locked, written as a step and audited; the operator's report; and
 * the reads. Termination ends the operator's contract in the district through
 * {@link OperatorContractService#endOn}, in the same transaction: the case and the contract end
 * together or not at all.
 */
@Service
public class RectificationService {

    static final int MAX_TEXT = 2000;

    private final RectificationMapper mapper;
    private final RectificationAccess access;
    private final RectificationOpener opener;
    private final OperatorContractService contracts;
    private final OperatorService operators;
    private final EvaluationService evaluations;
    private final AuditService audit;
    private final Clock clock;

    RectificationService(RectificationMapper mapper, RectificationAccess access, RectificationOpener opener, OperatorContractService contracts,
                         OperatorService operators, EvaluationService evaluations, AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.opener = opener;
        this.contracts = contracts;
        this.operators = operators;
        this.evaluations = evaluations;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ steps

    /** One step of the state machine, by an administrator of the case's district or city. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public RectificationCasePayload advance(AdvanceRectificationCaseInput input) {
        if (input.action() == null) {
            throw new BadRequestException("action is required", "input", "action");
        }
        RectificationCase before = access.visible(input.caseId(), true);
        access.requireActs(before);
        RectificationAction action = input.action();
        if (!action.allowedFrom(before.status())) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "Case " + before.id() + " is "
                    + before.status() + "; " + action + " is taken from " + action.from().stream().map(Enum::name).sorted().toList()
                    + (before.status().isFinal() ? " (the case is over)" : ""), "input", "action"));
        }
        String note = blankToNull(input.note());
        if (note == null) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Say what this step rests on: note is required",
                    "input", "note"));
        }
        if (note.length() > MAX_TEXT) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A note has at most " + MAX_TEXT + " characters",
                    "input", "note"));
        }
        LocalDate today = BusinessTime.today(clock);
        if (action != RectificationAction.ORDER_RECTIFICATION && input.rectificationDue() != null) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "Only ORDER_RECTIFICATION sets a deadline: leave rectificationDue out", "input", "rectificationDue"));
        }
        if (action != RectificationAction.TERMINATE_CONTRACT && input.contractLastDay() != null) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "Only TERMINATE_CONTRACT ends a contract: leave contractLastDay out", "input", "contractLastDay"));
        }
        LocalDate due = null;
        Long contractId = null;
        if (action == RectificationAction.ORDER_RECTIFICATION) {
            due = input.rectificationDue();
            if (due == null || !due.isAfter(today)) {
                return RectificationCasePayload.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                        "A rectification needs a deadline after today (" + today + ")", "input", "rectificationDue"));
            }
        } else if (action == RectificationAction.TERMINATE_CONTRACT) {
            Object ended = terminate(before, input.contractLastDay(), note, today);
            if (ended instanceof UserError refusal) {
                return RectificationCasePayload.failed(refusal);
            }
            contractId = ((OperatorContract) ended).id();
        }
        Instant now = now();
        if (mapper.updateStatus(before.id(), before.status(), action.to(), due, contractId, now) == 0) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE, "Case " + before.id()
                    + " was moved on meanwhile; read it again", "input", "caseId"));
        }
        String actor = CurrentUser.get().username();
        mapper.insertStep(new RectificationMapper.NewStep(before.id(), action.step(), before.status(), action.to(), note, due, actor, now));
        RectificationCase after = mapper.findCase(before.id());
        audit.record("RECTIFICATION_" + action.step().name(), "RectificationCase", before.id(), before, step(after, note));
        return new RectificationCasePayload(after, List.of());
    }

    /** Ends the operator's contract in force in the case's district on its last day; the contract, or why not. */
    private Object terminate(RectificationCase rectificationCase, LocalDate lastDay, String note, LocalDate today) {
        if (lastDay == null || lastDay.isBefore(today)) {
            return UserError.of(UserErrorCode.INVALID_DATE_RANGE, "The contract's last day is today (" + today
                    + ") or later: meals already served stay under the contract", "input", "contractLastDay");
        }
        OperatorContract contract = contracts.inForce(rectificationCase.operatorId(), rectificationCase.districtId(), today);
        if (contract == null) {
            return UserError.of(UserErrorCode.NO_CONTRACT, operators.require(rectificationCase.operatorId()).name()
                    + " has no contract in force in the district today: close the case instead", "input", "caseId");
        }
        OperatorService.ContractResult result = contracts.endOn(contract, lastDay,
                "整改案件 " + rectificationCase.id() + "：整改复查不合格，终止合同，予以淘汰。" + note);
        if (!result.userErrors().isEmpty()) {
            UserError refusal = result.userErrors().get(0);
            return UserError.of(refusal.code(), refusal.message(), "input", "contractLastDay");
        }
        return result.contract();
    }

    /** The operator's report of what it put right, while a rectification is under way; its own staff only. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public RectificationCasePayload submitReport(SubmitRectificationReportInput input) {
        RectificationCase before = access.visible(input.caseId(), true);
        access.requireReports(before);
        String report = blankToNull(input.report());
        if (report == null || report.length() > MAX_TEXT) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "A report of 1 to " + MAX_TEXT + " characters is required", "input", "report"));
        }
        if (before.status() != RectificationStatus.RECTIFYING) {
            return RectificationCasePayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "Case " + before.id() + " is "
                    + before.status() + ": a report is submitted while a rectification is under way (RECTIFYING)", "input", "caseId"));
        }
        Instant now = now();
        mapper.updateReport(before.id(), report, now);
        mapper.insertStep(new RectificationMapper.NewStep(before.id(), StepKind.REPORT_SUBMITTED, before.status(), before.status(), report,
                null, CurrentUser.get().username(), now));
        RectificationCase after = mapper.findCase(before.id());
        audit.record("RECTIFICATION_REPORT_SUBMITTED", "RectificationCase", before.id(), before, after);
        return new RectificationCasePayload(after, List.of());
    }

    /**
     * Opens the cases a closed month calls for that are not open yet: for a month closed before cases
     * existed, or closed with a lower threshold. The close itself opens them; running this again opens none.
     */
    @Transactional
    @RetryOnTransientFailure
    @PreAuthorize("hasRole('ADMIN')")
    public OpenRectificationCasesPayload openForClosedMonth(OpenRectificationCasesInput input) {
        if (input.districtId() == null || input.month() == null) {
            throw new BadRequestException("districtId and month are required", "input");
        }
        access.requireAdministersDistrict(input.districtId());
        YearMonth month = input.month();
        EvaluationService.Ranking ranking = evaluations.frozenEvaluation(input.districtId(), month);
        if (ranking == null) {
            return new OpenRectificationCasesPayload(List.of(), List.of(UserError.of(UserErrorCode.PERIOD_NOT_ENDED,
                    month + " is not closed: cases open on its frozen scores once closeEvaluationMonth has run", "input", "month")));
        }
        List<EvaluationMonthClosed.OperatorScore> scores = ranking.evaluations().stream()
                .map(row -> new EvaluationMonthClosed.OperatorScore(row.operatorId(), row.exactScore())).toList();
        return new OpenRectificationCasesPayload(opener.openForScores(input.districtId(), month, scores, CurrentUser.get().username()), List.of());
    }

    // ------------------------------------------------------------ reads

    /** A case the caller may read, or null. */
    @Transactional(readOnly = true)
    public RectificationCase rectificationCase(long id) {
        return mapper.inScope(id, access.readScope()) ? mapper.findCase(id) : null;
    }

    /** Cases in the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public Connection<RectificationCase> cases(RectificationCaseFilter filter, PageRequest page) {
        CallerScope scope = access.readScope();
        RectificationCaseFilter given = filter == null ? RectificationCaseFilter.NONE : filter;
        LocalDate today = BusinessTime.today(clock);
        Long afterId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<RectificationCase> rows = mapper.findPage(given, scope, today, afterId, page.fetchSize());
        return Connection.of(rows, page, row -> Cursor.encode(row.id()), mapper.count(given, scope, today));
    }

    /** Each case's steps, oldest first; the cases were read in the caller's scope. */
    @Transactional(readOnly = true)
    public Map<Long, List<RectificationStep>> stepsOf(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? Map.of() : Batches.group(caseIds, mapper.findStepsOf(caseIds), RectificationStep::caseId);
    }

    /** Whether the rectification is past its deadline today. */
    public boolean overdue(RectificationCase rectificationCase) {
        return rectificationCase.overdueOn(BusinessTime.today(clock));
    }

    private static Map<String, Object> step(RectificationCase after, String note) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("case", after);
        what.put("note", note);
        return what;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
