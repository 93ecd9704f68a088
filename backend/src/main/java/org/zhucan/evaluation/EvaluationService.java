package org.zhucan.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.booking.CounterBookings;
import org.zhucan.booking.SiteAttendance;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.foodsafety.InspectionService;
import org.zhucan.foodsafety.InspectionTally;
import org.zhucan.foodsafety.MissingSampleLog;
import org.zhucan.foodsafety.SampleRetentionService;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteOperatorChange;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteStatus;
import org.zhucan.network.SiteStatusTimeline;
import org.zhucan.satisfaction.RatingTally;
import org.zhucan.satisfaction.SatisfactionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.serving.MealRecordReadService;
import org.zhucan.serving.ServedSlot;

/**
 * The monthly operator evaluation (运营考核) that finds weak operators to replace (优胜劣汰): per
 * operator serving a district, five measures on a 0–100 scale, weighted by the district's weights
 * in force that month (data, set by administrators). Computed on read from the month's records, so
 * a late void or rating shows up at once; the current month is scored up to today.
 *
 * <ul>
 *   <li>OPERATING_RATE: days its sites were OPERATING ÷ days they were OPERATING or SUSPENDED
 *       (a closed site no longer counts);</li>
 *   <li>SATISFACTION: the average rating, 1 → 0 and 5 → 100;</li>
 *   <li>INSPECTION: passed 100, needs rectification 50, failed 0, averaged;</li>
 *   <li>FLAGS: served slots that are over with no flagged meal and a sample log ÷ served slots that are over;</li>
 *   <li>NO_SHOW: bookings served ÷ bookings served or missed.</li>
 * </ul>
 * A measure with nothing to measure (no ratings, no inspection) is left out and the others'
 * weights share its place; the row says which.
 *
 * <p>Once a month is closed ({@link EvaluationCloseService}) its ranking is read as it was frozen:
 * late voids and ratings no longer change it.
 */
@Service
public class EvaluationService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EvaluationMapper mapper;
    private final EvaluationAccess access;
    private final RegionService regionService;
    private final SiteService siteService;
    private final MealRecordReadService mealRecords;
    private final CounterBookings counterBookings;
    private final SatisfactionService satisfactionService;
    private final InspectionService inspectionService;
    private final SampleRetentionService sampleRetentionService;
    private final AuditService audit;
    private final FrozenEvaluations frozen;
    private final Clock clock;

    EvaluationService(EvaluationMapper mapper, EvaluationAccess access, RegionService regionService, SiteService siteService,
                      MealRecordReadService mealRecords, CounterBookings counterBookings, SatisfactionService satisfactionService,
                      InspectionService inspectionService, SampleRetentionService sampleRetentionService, AuditService audit,
                      FrozenEvaluations frozen, Clock clock) {
        this.frozen = frozen;
        this.mapper = mapper;
        this.access = access;
        this.regionService = regionService;
        this.siteService = siteService;
        this.mealRecords = mealRecords;
        this.counterBookings = counterBookings;
        this.satisfactionService = satisfactionService;
        this.inspectionService = inspectionService;
        this.sampleRetentionService = sampleRetentionService;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ weights

    /** Sets a district's weights from a month on (ADMIN); audited with what they replace. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public WeightsResult setWeights(EvaluationWeightsInput input) {
        Region region = regionService.require(input.districtId());
        access.requireAdministers(region);
        List<UserError> problems = new ArrayList<>();
        if (region.level() != RegionLevel.DISTRICT) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, region.name() + " is not a district", "input", "districtId"));
        }
        if (input.effectiveMonth().getYear() < 2000 || input.effectiveMonth().isAfter(YearMonth.from(BusinessTime.today(clock)).plusYears(1))) {
            problems.add(UserError.of(UserErrorCode.INVALID_PERIOD, "Weights take effect from a month between 2000 and a year from now",
                    "input", "effectiveMonth"));
        }
        for (EvaluationMetric metric : EvaluationMetric.values()) {
            int weight = weightIn(input, metric);
            if (weight < 0 || weight > 100) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A weight is a percentage from 0 to 100", "input", fieldOf(metric)));
            }
        }
        if (problems.isEmpty() && input.sum() != 100) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The weights add up to " + input.sum() + "%, not 100%", "input"));
        }
        if (!problems.isEmpty()) {
            return new WeightsResult(null, List.copyOf(problems));
        }
        LocalDate monthStart = input.effectiveMonth().atDay(1);
        EvaluationWeights before = mapper.findExact(region.id(), monthStart);
        mapper.upsert(input, monthStart, CurrentUser.get().username(), clock.instant());
        EvaluationWeights after = mapper.findExact(region.id(), monthStart);
        audit.record("EVALUATION_WEIGHTS_SET", "EvaluationWeights", region.id() + "/" + input.effectiveMonth(), before, after);
        return new WeightsResult(after, List.of());
    }

    /** The weights in force in a month; null when none are set by then. Whoever may see the district's evaluations. */
    @Transactional(readOnly = true)
    public EvaluationWeights weightsInForce(long districtId, YearMonth month) {
        Region district = access.district(districtId, "districtId");
        access.evaluationScope(district);
        return mapper.findInForce(district.id(), month.atDay(1));
    }

    // ------------------------------------------------------------ evaluation

    /**
     * The month's evaluation of every operator serving the district, best first. OPERATOR staff get
     * their own operator's row only, ranked among all.
     */
    @Transactional(readOnly = true)
    public Ranking evaluate(long districtId, YearMonth month) {
        Region district = access.district(districtId, "districtId");
        CallerScope scope = access.evaluationScope(district);
        LocalDate today = BusinessTime.today(clock);
        LocalDate from = month.atDay(1);
        if (from.isAfter(today)) {
            throw new BadRequestException(month + " has not begun", "month");
        }
        Ranking closed = frozen.read(district, month);
        if (closed != null) {
            return closed.showing(EvaluationAccess.visible(scope, closed.evaluations()));
        }
        EvaluationWeights weights = mapper.findInForce(district.id(), from);
        if (weights == null) {
            throw new BadRequestException("No evaluation weights are in force for " + district.name() + " in " + month
                    + ": an administrator sets them with setEvaluationWeights", "month");
        }
        Ranking ranking = rank(district, month, weights, today);
        return ranking.showing(EvaluationAccess.visible(scope, ranking.evaluations()));
    }

    /**
     * The published evaluation of a district's operators in a month, every row, for anyone (信息公开):
     * only once the month is over, so that a result never changes under the public's eyes while the
     * month is still being scored; null before that, and when no weights are in force for the month.
     * Unscoped: the public information feature shows it without login.
     */
    @Transactional(readOnly = true)
    @BypassesCallerScope(usedBy = {"publicinfo"})
    public Ranking publishedEvaluation(long districtId, YearMonth month) {
        Region district = access.district(districtId, "districtId");
        LocalDate today = BusinessTime.today(clock);
        if (!month.isBefore(YearMonth.from(today))) {
            return null;
        }
        Ranking closed = frozen.read(district, month);
        if (closed != null) {
            return closed;
        }
        EvaluationWeights weights = mapper.findInForce(district.id(), month.atDay(1));
        return weights == null ? null : rank(district, month, weights, today);
    }

    /**
     * A closed month's frozen ranking, every row; null while the month is open. Unscoped: the
     * rectification feature opens cases on it for an administrator it has checked.
     */
    @Transactional(readOnly = true)
    @BypassesCallerScope(usedBy = {"rectification"})
    public Ranking frozenEvaluation(long districtId, YearMonth month) {
        return frozen.read(access.district(districtId, "districtId"), month);
    }

    /**
     * The month's ranking computed now from its records, for closing it; null when no weights are in
     * force for it. The caller has checked access and that the month is over.
     */
    Ranking rankToClose(Region district, YearMonth month) {
        EvaluationWeights weights = mapper.findInForce(district.id(), month.atDay(1));
        return weights == null ? null : rank(district, month, weights, BusinessTime.today(clock));
    }

    /** Every operator serving the district in the month (up to today), ranked best first. */
    private Ranking rank(Region district, YearMonth month, EvaluationWeights weights, LocalDate today) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth().isBefore(today) ? month.atEndOfMonth() : today;
        List<Site> sites = siteService.allIn(district.id()).stream().filter(site -> site.kind() != SiteKind.CENTRAL_KITCHEN).toList();
        List<Long> siteIds = sites.stream().map(Site::id).toList();
        Map<Long, Figures> byOperator = new TreeMap<>();

        Map<Long, SiteStatusTimeline> timelines = siteService.timelinesOf(siteIds);
        // a site handed over during the month counts each day for the operator under contract that day (片区运营)
        Map<Long, List<SiteOperatorChange>> handOvers = siteService.operatorChangesOf(siteIds);
        for (Site site : sites) {
            List<SiteOperatorChange> changes = handOvers.get(site.id());
            SiteStatusTimeline timeline = timelines.get(site.id());
            SiteStatus atEnd = timeline.statusOn(to);
            if (atEnd == SiteStatus.OPERATING || atEnd == SiteStatus.SUSPENDED) {
                byOperator.computeIfAbsent(SiteOperatorChange.operatorOn(site, changes, to), id -> new Figures()).sites++;
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Figures figures = byOperator.computeIfAbsent(SiteOperatorChange.operatorOn(site, changes, day), id -> new Figures());
                SiteStatus status = timeline.statusOn(day);
                if (status == SiteStatus.OPERATING) {
                    figures.operatingDays++;
                }
                if (status == SiteStatus.OPERATING || status == SiteStatus.SUSPENDED) {
                    figures.runningDays++;
                }
            }
        }
        satisfactionService.tallyByOperator(siteIds, from, to)
                .forEach((operatorId, tally) -> byOperator.computeIfAbsent(operatorId, id -> new Figures()).ratings = tally);
        inspectionService.inspectionTallyByOperator(siteIds, from, to)
                .forEach((operatorId, tally) -> byOperator.computeIfAbsent(operatorId, id -> new Figures()).inspections = tally);
        // served slots read once: meals from all of them, flags and sample logs from those that are over
        List<ServedSlot> served = mealRecords.servedSlots(siteIds, from, to);
        List<ServedSlot> over = mealRecords.slotsOver(served);
        Set<SlotKey> missing = new HashSet<>();
        for (MissingSampleLog gap : sampleRetentionService.missingSampleLogsAmong(over, siteIds, from, to)) {
            missing.add(new SlotKey(gap.siteId(), gap.operatorId(), gap.date(), gap.slot()));
        }
        for (ServedSlot slot : served) {
            byOperator.computeIfAbsent(slot.operatorId(), id -> new Figures()).meals += slot.meals();
        }
        // a slot still being served has had no chance to be logged yet: judged once it is over
        for (ServedSlot slot : over) {
            Figures figures = byOperator.computeIfAbsent(slot.operatorId(), id -> new Figures());
            boolean unlogged = missing.contains(new SlotKey(slot.siteId(), slot.operatorId(), slot.date(), slot.slot()));
            figures.servedSlots++;
            figures.flaggedSlots += slot.flaggedMeals() > 0 ? 1 : 0;
            figures.unloggedSlots += unlogged ? 1 : 0;
            figures.cleanSlots += slot.flaggedMeals() == 0 && !unlogged ? 1 : 0;
        }
        Map<Long, Long> operatorOfSite = new TreeMap<>();
        // bookings are tallied per site for the month: they count for whoever ran the site at its end
        sites.forEach(site -> operatorOfSite.put(site.id(), SiteOperatorChange.operatorOn(site, handOvers.get(site.id()), to)));
        for (SiteAttendance attendance : counterBookings.attendance(siteIds, from, to)) {
            Figures figures = byOperator.get(operatorOfSite.get(attendance.siteId()));
            figures.attended += attendance.served();
            figures.noShows += attendance.noShows();
        }

        List<OperatorEvaluation> rows = new ArrayList<>();
        byOperator.forEach((operatorId, figures) -> rows.add(evaluationOf(operatorId, figures, weights)));
        rows.sort(Comparator.comparing(OperatorEvaluation::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(OperatorEvaluation::operatorId));
        List<OperatorEvaluation> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OperatorEvaluation row = rows.get(i);
            Integer rank = null;
            if (row.score() != null) {
                boolean tied = i > 0 && row.score().equals(rows.get(i - 1).score());
                rank = tied ? ranked.get(i - 1).rank() : i + 1;
            }
            ranked.add(row.ranked(rank));
        }
        return new Ranking(district, month, from, to, weights, ranked.size(), ranked, null);
    }

    private static OperatorEvaluation evaluationOf(long operatorId, Figures figures, EvaluationWeights weights) {
        List<MetricScore> metrics = new ArrayList<>();
        RatingTally ratings = figures.ratings == null ? new RatingTally(0, 0) : figures.ratings;
        InspectionTally inspections = figures.inspections == null ? new InspectionTally(0, 0, 0) : figures.inspections;
        int inspected = inspections.passed() + inspections.needsRectification() + inspections.failed();
        metrics.add(metric(EvaluationMetric.OPERATING_RATE, weights, figures.operatingDays, figures.runningDays, figures.runningDays,
                "运营 " + figures.operatingDays + " / " + figures.runningDays + " 站点日"));
        metrics.add(metric(EvaluationMetric.SATISFACTION, weights, ratings.scoreSum() - ratings.count(), 4L * ratings.count(), ratings.count(),
                ratings.count() == 0 ? "无评价" : ratings.count() + " 条评价，平均 " + twoDecimals(BigDecimal.valueOf(ratings.scoreSum())
                        .divide(BigDecimal.valueOf(ratings.count()), 2, RoundingMode.HALF_UP)) + " 分"));
        metrics.add(metric(EvaluationMetric.INSPECTION, weights, 2L * inspections.passed() + inspections.needsRectification(), 2L * inspected,
                inspected, "检查 " + inspected + " 次：合格 " + inspections.passed() + "，限期整改 " + inspections.needsRectification()
                        + "，不合格 " + inspections.failed()));
        metrics.add(metric(EvaluationMetric.FLAGS, weights, figures.cleanSlots, figures.servedSlots, figures.servedSlots,
                "无异常餐次 " + figures.cleanSlots + " / " + figures.servedSlots + "（有标记 " + figures.flaggedSlots + "，未留样 "
                        + figures.unloggedSlots + "）"));
        metrics.add(metric(EvaluationMetric.NO_SHOW, weights, figures.attended, figures.attended + figures.noShows, figures.attended + figures.noShows,
                "预订到餐 " + figures.attended + " / " + (figures.attended + figures.noShows) + "，爽约 " + figures.noShows));

        BigDecimal weighted = BigDecimal.ZERO;
        int weightUsed = 0;
        for (MetricScore metric : metrics) {
            if (metric.exactScore() != null && metric.weight() > 0) {
                weighted = weighted.add(metric.exactScore().multiply(BigDecimal.valueOf(metric.weight())));
                weightUsed += metric.weight();
            }
        }
        BigDecimal score = weightUsed == 0 ? null : weighted.divide(BigDecimal.valueOf(weightUsed), 2, RoundingMode.HALF_UP);
        List<EvaluationMetric> missing = metrics.stream().filter(metric -> metric.exactScore() == null).map(MetricScore::metric).toList();
        return new OperatorEvaluation(null, operatorId, score, figures.sites, figures.meals, metrics, missing);
    }

    private static MetricScore metric(EvaluationMetric metric, EvaluationWeights weights, long numerator, long denominator, int sampleSize,
                                      String basis) {
        BigDecimal score = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        return new MetricScore(metric, weights.weightOf(metric), score, sampleSize, basis);
    }

    private static String twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static int weightIn(EvaluationWeightsInput input, EvaluationMetric metric) {
        return switch (metric) {
            case OPERATING_RATE -> input.operatingRate();
            case SATISFACTION -> input.satisfaction();
            case INSPECTION -> input.inspection();
            case FLAGS -> input.flags();
            case NO_SHOW -> input.noShow();
        };
    }

    private static String fieldOf(EvaluationMetric metric) {
        return switch (metric) {
            case OPERATING_RATE -> "operatingRate";
            case SATISFACTION -> "satisfaction";
            case INSPECTION -> "inspection";
            case FLAGS -> "flags";
            case NO_SHOW -> "noShow";
        };
    }

    /** What the month's records say of one operator in the district. */
    private static final class Figures {
        int sites;
        int operatingDays;
        int runningDays;
        RatingTally ratings;
        InspectionTally inspections;
        int servedSlots;
        int cleanSlots;
        int flaggedSlots;
        int unloggedSlots;
        int meals;
        int attended;
        int noShows;
    }

    private record SlotKey(long siteId, long operatorId, LocalDate date, MealSlot slot) {
    }

    public record WeightsResult(EvaluationWeights weights, List<UserError> userErrors) {
    }

    /**
     * @param operatorCount how many operators were ranked (an operator's staff see only their own row)
     * @param closedAt when the month was closed and its ranking frozen; null while it is scored from the records
     */
    public record Ranking(Region district, YearMonth month, LocalDate from, LocalDate to, EvaluationWeights weights, int operatorCount,
                          List<OperatorEvaluation> evaluations, java.time.Instant closedAt) {

        /** The same ranking with only the rows given (an operator's staff see their own). */
        Ranking showing(List<OperatorEvaluation> rows) {
            return new Ranking(district, month, from, to, weights, operatorCount, rows, closedAt);
        }
    }

    /**
     * @param exactScore 0–100 with two decimals (served as {@link #score()}); null when no measure had anything to measure
     * @param missingMetrics the measures left out for want of data
     */
    public record OperatorEvaluation(Integer rank, long operatorId, BigDecimal exactScore, int sites, int mealsServed, List<MetricScore> metrics,
                                     List<EvaluationMetric> missingMetrics) {

        public Double score() {
            return exactScore == null ? null : exactScore.doubleValue();
        }

        OperatorEvaluation ranked(Integer position) {
            return new OperatorEvaluation(position, operatorId, exactScore, sites, mealsServed, metrics, missingMetrics);
        }
    }

    /** One measure of an operator: its weight, its 0–100 score (null without data), how much data and what it is. */
    public record MetricScore(EvaluationMetric metric, int weight, BigDecimal exactScore, int sampleSize, String basis) {

        public Double score() {
            return exactScore == null ? null : exactScore.doubleValue();
        }
    }
}
