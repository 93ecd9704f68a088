package org.zhucan.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.subsidy.ScoreBand;
import org.zhucan.subsidy.SubsidyPolicy;
import org.zhucan.subsidy.SubsidyPolicyService;
import org.zhucan.subsidy.SubsidyPolicyStatus;

/**
 * The operating-subsidy rates a statement applies: each published version's amount from its effective
 * date until the next version's, and, where the version scales it by score bands (绩效考核挂钩), one rate
 * per month of the statement's records with the operator's frozen score of that month and the share
 * its band pays. The statement is per operator, so a site handed over mid-month is paid to each
 * operator at its own score. A month whose evaluation is not closed refuses the generation: paying
 * 100 % meanwhile would settle money on a score nobody has fixed.
 */
@Component
class OperatingRates {

    private final SubsidyPolicyService policyService;
    private final FrozenScores frozenScores;
    private final SettlementMapper mapper;

    OperatingRates(SubsidyPolicyService policyService, FrozenScores frozenScores, SettlementMapper mapper) {
        this.policyService = policyService;
        this.frozenScores = frozenScores;
        this.mapper = mapper;
    }

    /** The rates, or why the statement cannot be generated yet. */
    record Rates(List<SettlementMapper.OperatingPeriod> periods, UserError refused) {
    }

    /** A version's operating subsidy over its days in force, with its bands (empty: unscaled). */
    private record Span(LocalDate from, LocalDate until, long amountFen, SubsidyPolicy policy, List<ScoreBand> bands) {

        boolean covers(YearMonth month) {
            return !month.atEndOfMonth().isBefore(from) && (until == null || (from.isBefore(until) && month.atDay(1).isBefore(until)));
        }
    }

    /** The rates for the statement of the period whose records are claimed, of the operator in the district. */
    Rates of(long districtId, long operatorId, long statementId, LocalDate periodStart, LocalDate periodEnd) {
        List<Span> spans = spans(districtId);
        List<SettlementMapper.OperatingPeriod> periods = new ArrayList<>();
        List<Span> banded = new ArrayList<>();
        for (Span span : spans) {
            if (span.bands().isEmpty()) {
                periods.add(SettlementMapper.OperatingPeriod.unscaled(span.from(), span.until(), span.amountFen(),
                        span.policy().operatingSubsidySource()));
            } else if (!span.from().isAfter(periodEnd)) {
                // a version in force only after the period covers no month of its records (none is dated after its end): its months
                // need not be looked up, nor its scores frozen
                banded.add(span);
            }
        }
        if (banded.isEmpty()) {
            return new Rates(periods, null);
        }
        TreeSet<YearMonth> needed = new TreeSet<>();
        List<LocalDate> periodMonths = new ArrayList<>();
        for (YearMonth month = YearMonth.from(periodStart); !month.isAfter(YearMonth.from(periodEnd)); month = month.plusMonths(1)) {
            periodMonths.add(month.atDay(1));
        }
        for (LocalDate first : mapper.recordMonths(statementId, operatorId, periodMonths)) {
            YearMonth month = YearMonth.from(first);
            if (banded.stream().anyMatch(span -> span.covers(month))) {
                needed.add(month);
            }
        }
        if (needed.isEmpty()) {
            return new Rates(periods, null);
        }
        Map<YearMonth, Optional<BigDecimal>> scores = frozenScores.of(districtId, operatorId, needed);
        List<YearMonth> open = needed.stream().filter(month -> !scores.containsKey(month)).toList();
        if (!open.isEmpty()) {
            return new Rates(List.of(), UserError.of(UserErrorCode.EVALUATION_NOT_CLOSED, "The operating subsidy is weighted by the "
                    + "operator's frozen evaluation score, and the evaluation of " + join(open) + " is not closed yet: close the month "
                    + "(closeEvaluationMonth) before generating this statement", "input", "periodStart"));
        }
        List<YearMonth> unscored = needed.stream().filter(month -> scores.get(month).isEmpty()).toList();
        if (!unscored.isEmpty()) {
            return new Rates(List.of(), UserError.of(UserErrorCode.EVALUATION_NOT_CLOSED, "The operating subsidy is weighted by the "
                    + "operator's frozen evaluation score, and the closed evaluation of " + join(unscored)
                    + " holds no score for this operator; the weighted subsidy cannot be settled without one", "input", "periodStart"));
        }
        for (Span span : banded) {
            for (YearMonth month : needed) {
                if (!span.covers(month)) {
                    continue;
                }
                LocalDate from = span.from().isAfter(month.atDay(1)) ? span.from() : month.atDay(1);
                LocalDate nextMonth = month.plusMonths(1).atDay(1);
                LocalDate until = span.until() != null && span.until().isBefore(nextMonth) ? span.until() : nextMonth;
                BigDecimal score = scores.get(month).orElseThrow();
                ScoreBand band = ScoreBand.of(span.bands(), score);
                periods.add(new SettlementMapper.OperatingPeriod(from, until, span.amountFen(), span.policy().operatingSubsidySource(),
                        month.toString(), score, band.minScore(), band.percentBasisPoints()));
            }
        }
        return new Rates(periods, null);
    }

    private List<Span> spans(long districtId) {
        List<SubsidyPolicy> published = policyService.policiesOf(districtId).stream()
                .filter(policy -> policy.status() == SubsidyPolicyStatus.PUBLISHED)
                .sorted(Comparator.comparing(SubsidyPolicy::effectiveFrom).thenComparingInt(SubsidyPolicy::version))
                .toList();
        List<Long> paying = published.stream().filter(policy -> policy.operatingSubsidy() != null).map(SubsidyPolicy::id).toList();
        Map<Long, List<ScoreBand>> bands = policyService.scoreBandsOf(paying);
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            SubsidyPolicy policy = published.get(i);
            LocalDate until = i + 1 < published.size() ? published.get(i + 1).effectiveFrom() : null;
            if (policy.operatingSubsidy() != null) {
                spans.add(new Span(policy.effectiveFrom(), until, policy.operatingSubsidy().fen(), policy, bands.getOrDefault(policy.id(), List.of())));
            }
        }
        return spans;
    }

    private static String join(List<YearMonth> months) {
        return months.stream().map(YearMonth::toString).collect(Collectors.joining(", "));
    }
}
