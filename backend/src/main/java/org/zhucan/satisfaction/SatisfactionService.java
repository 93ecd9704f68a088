package org.zhucan.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
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
import org.zhucan.diner.DinerService;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.serving.MealRecord;
import org.zhucan.serving.MealRecordReadService;
import org.zhucan.serving.MealRecordReversed;
import org.zhucan.serving.MealRollupsRebuilt;

/**
 * Diners' ratings of meals served (满意度): a diner or family rates a standing meal of its diners
 * within 3 days of serving, and may rate it again in that time; the hotline and counter staff enter
 * a diner's rating for it, marked as theirs (channel); staff read a site's month of
 * ratings anonymously, with its operator's average beside it; the operator evaluation reads tallies.
 *
 * <p>Meal records are read through {@link MealRecordReadService} only. A rating copies the record's site,
 * operator, date and slot, so every figure is a GROUP BY over meal_rating alone. A rating stays
 * when its meal is voided later: the record it copied is no longer read.
 */
@Service
public class SatisfactionService {

    /** How long after serving a meal can be rated: long enough for a family to ask, short enough to be remembered. */
    static final Duration RATING_WINDOW = Duration.ofHours(72);
    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;
    /** The width of meal_rating.comment, in characters. */
    static final int MAX_COMMENT = 500;
    /** The width of meal_rating.call_reference, in characters. */
    static final int MAX_CALL_REFERENCE = 64;

    private final SatisfactionMapper mapper;
    private final MealRecordReadService mealRecords;
    private final SiteService siteService;
    private final NetworkAccess networkAccess;
    private final AccountService accountService;
    private final DinerService dinerService;
    private final AuditService audit;
    private final Clock clock;

    SatisfactionService(SatisfactionMapper mapper, MealRecordReadService mealRecords, SiteService siteService,
                        NetworkAccess networkAccess, AccountService accountService, DinerService dinerService, AuditService audit,
                        Clock clock) {
        this.mapper = mapper;
        this.mealRecords = mealRecords;
        this.siteService = siteService;
        this.networkAccess = networkAccess;
        this.accountService = accountService;
        this.dinerService = dinerService;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ rating

    /**
     * rateMeal: the rating, new or replaced. The meal record is locked first (as voids lock it), then
     * the upsert locks the meal's rating row, so two calls for one meal take turns and each rewrites the tags of the score it wrote; read committed keeps
     * InnoDB from adding gap locks that would only make them deadlock.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public RateResult rate(RateMealInput input) {
        CurrentUser user = CurrentUser.get();
        RatingChannel channel = RatingChannel.of(user.roles());
        if (channel == null) {
            throw new AccessDeniedException("meals are rated by diners and their families, or for them by the hotline and counter staff");
        }
        List<UserError> problems = new ArrayList<>();
        String callReference = input.callReference() == null || input.callReference().isBlank() ? null : input.callReference().strip();
        if (callReference != null && channel == RatingChannel.MINI_PROGRAM) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A call reference is given by staff rating on a diner's behalf", "input",
                    "callReference"));
        } else if (callReference != null && callReference.length() > MAX_CALL_REFERENCE) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A call reference has at most " + MAX_CALL_REFERENCE + " characters", "input",
                    "callReference"));
        }
        if (input.score() < MIN_SCORE || input.score() > MAX_SCORE) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Give a score from " + MIN_SCORE + " to " + MAX_SCORE, "input", "score"));
        }
        List<RatingTag> tags = input.tags() == null ? List.of() : input.tags();
        Set<RatingTag> distinctTags = tags.isEmpty() ? EnumSet.noneOf(RatingTag.class) : EnumSet.copyOf(tags);
        if (distinctTags.size() != tags.size()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Give each tag at most once", "input", "tags"));
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        // the column counts characters, not UTF-16 units: a Chinese comment with emoji must fit exactly what it stores
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A comment has at most " + MAX_COMMENT + " characters", "input", "comment"));
        }
        if (!problems.isEmpty()) {
            return RateResult.failed(problems);
        }
        // locked as a void locks it: a void waits for this rating and then withdraws it, or this waits and sees the void
        MealRecord record = mealRecords.lockForUpdate(input.mealRecordId());
        // one answer whether the record is missing, voided or another family's: ids reveal nothing
        if (record == null || !record.standing() || !mayRateFor(user, channel, record)) {
            return RateResult.failed(List.of(UserError.of(UserErrorCode.MEAL_NOT_RATEABLE,
                    "This meal cannot be rated: it is not a standing meal of a diner you act for", "input", "mealRecordId")));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (now.isAfter(rateableUntil(record))) {
            return RateResult.failed(List.of(UserError.of(UserErrorCode.RATING_WINDOW_CLOSED,
                    "The meal was served on " + BusinessTime.wallClock(record.servedAt()) + "; a meal can be rated for "
                            + RATING_WINDOW.toDays() + " days after it was served", "input", "mealRecordId")));
        }
        // locked when it exists, so the audit's before is the rating this call replaces
        MealRating before = mapper.findByMealRecordIdForUpdate(record.id());
        // what the diner's own account said stands: staff enter ratings for diners who cannot, never over theirs
        if (before != null && channel != RatingChannel.MINI_PROGRAM && before.channel() == RatingChannel.MINI_PROGRAM) {
            return RateResult.failed(List.of(UserError.of(UserErrorCode.MEAL_NOT_RATEABLE,
                    "The diner's own account has rated this meal; staff do not replace that rating", "input", "mealRecordId")));
        }
        List<RatingTag> tagsBefore = before == null ? List.of() : tagsOf(List.of(before.id())).get(before.id());
        mapper.upsert(new SatisfactionMapper.NewRating(record.id(), record.dinerId(), record.siteId(), record.operatorId(), record.date(),
                record.slot(), input.score(), comment, user.username(), now, channel, callReference));
        MealRating rating = mapper.findByMealRecordId(record.id());
        SatisfactionMapper.TallyDifference difference = SatisfactionMapper.TallyDifference.of(rating, 1);
        mapper.adjustTally(before == null ? difference : difference.plus(SatisfactionMapper.TallyDifference.of(before, -1)));
        mapper.deleteTags(rating.id());
        if (!distinctTags.isEmpty()) {
            mapper.insertTags(rating.id(), distinctTags);
        }
        audit.record(rating.revision() == 1 ? "MEAL_RATED" : "MEAL_RATING_REPLACED", "MealRating", rating.id(),
                before == null ? null : Map.of("rating", before, "tags", tagsBefore),
                Map.of("rating", rating, "tags", List.copyOf(distinctTags)));
        return new RateResult(rating, List.of());
    }

    /**
     * A family its own diners' meals; the hotline the meals of diners of its region (all without
     * one); counter staff the meals served at their operator's sites.
     */
    private boolean mayRateFor(CurrentUser user, RatingChannel channel, MealRecord record) {
        return switch (channel) {
            case MINI_PROGRAM -> accountService.dinerIdsActedForBy(user.username()).contains(record.dinerId());
            case HOTLINE -> dinerService.byIds(List.of(record.dinerId())).containsKey(record.dinerId());
            case COUNTER -> user.actsForOperator(record.operatorId());
        };
    }

    private static Instant rateableUntil(MealRecord record) {
        return record.servedAt().plus(RATING_WINDOW);
    }

    // ------------------------------------------------------------ diners' reads

    /**
     * A reversed meal (voided, or corrected into another record) no longer counts: its rating goes
     * with it, in the reversal's own transaction. The audit row keeps what it said.
     */
    @EventListener
    void withdrawRatingOf(MealRecordReversed reversed) {
        MealRating rating = mapper.findByMealRecordIdForUpdate(reversed.recordId());
        if (rating == null) {
            return;
        }
        List<RatingTag> tags = tagsOf(List.of(rating.id())).get(rating.id());
        mapper.deleteTags(rating.id());
        mapper.deleteRating(rating.id());
        mapper.adjustTally(SatisfactionMapper.TallyDifference.of(rating, -1));
        audit.record("MEAL_RATING_WITHDRAWN", "MealRating", rating.id(), Map.of("rating", rating, "tags", tags),
                Map.of("reversal", reversed.reversalId()));
    }

    /**
     * mealsToRate: a family's diners' standing meals served within the window, newest first, or one
     * diner's (dinerId); staff rating for a diner name the diner: the hotline one of its region,
     * counter staff one who ate at their operator's sites (only those meals).
     */
    @Transactional(readOnly = true)
    public List<RateableMeal> mealsToRate(Long dinerId) {
        CurrentUser user = CurrentUser.get();
        RatingChannel channel = RatingChannel.of(user.roles());
        if (channel == null) {
            throw new AccessDeniedException("mealsToRate is for diners' and families' accounts, the hotline and counter staff");
        }
        if (dinerId == null && channel != RatingChannel.MINI_PROGRAM) {
            throw new BadRequestException("Staff rating for a diner name the diner", "dinerId");
        }
        List<Long> dinerIds = switch (channel) {
            case MINI_PROGRAM -> accountService.dinerIdsActedForBy(user.username()).stream()
                    .filter(id -> dinerId == null || id.equals(dinerId)).toList();
            case HOTLINE -> List.copyOf(dinerService.byIds(List.of(dinerId)).keySet());
            case COUNTER -> List.of(dinerId);
        };
        Instant now = clock.instant();
        // checked again here: a driver that drops fractional seconds widens the SQL bound by up to a second
        return mealRecords.standingMealsServedSince(dinerIds, now.minus(RATING_WINDOW)).stream()
                .filter(record -> !now.isAfter(rateableUntil(record)))
                .filter(record -> channel != RatingChannel.COUNTER || user.actsForOperator(record.operatorId()))
                .map(record -> new RateableMeal(record.id(), record.dinerId(), record.siteId(), record.date(), record.slot(),
                        record.servedAt(), rateableUntil(record)))
                .toList();
    }

    /**
     * The ratings of these meal records, by record id; records without one are absent. Unscoped:
     * for fields of records the caller has already been allowed to read.
     */
    @Transactional(readOnly = true)
    public Map<Long, MealRating> ratingsOfMeals(Collection<Long> mealRecordIds) {
        Map<Long, MealRating> found = new HashMap<>();
        if (!mealRecordIds.isEmpty()) {
            mapper.findByMealRecordIds(mealRecordIds).forEach(rating -> found.put(rating.mealRecordId(), rating));
        }
        return found;
    }

    /** Each rating's tags in the schema's order; every id asked for is present. */
    @Transactional(readOnly = true)
    public Map<Long, List<RatingTag>> tagsOf(Collection<Long> ratingIds) {
        Map<Long, List<RatingTag>> tags = new LinkedHashMap<>();
        if (ratingIds.isEmpty()) {
            return tags;
        }
        Batches.group(ratingIds, mapper.findTagsOf(ratingIds), SatisfactionMapper.RatingTagRow::ratingId).forEach((id, rows) ->
                tags.put(id, rows.stream().map(SatisfactionMapper.RatingTagRow::tag).sorted().toList()));
        return tags;
    }

    // ------------------------------------------------------------ staff reads

    /**
     * siteRatings: the site's score distribution of the month, by meal date. The site's operator's
     * staff, finance and inspectors whose region holds it, and administrators.
     */
    @Transactional(readOnly = true)
    public SiteRatings siteRatings(long siteId, YearMonth month) {
        CallerScope scope = networkAccess.oversightScope(CurrentUser.get(),
                "ratings are for the site's operator, finance and inspectors of its region, and administrators");
        Site site = siteService.require(siteId);
        if (!networkAccess.covers(scope, site)) {
            throw new AccessDeniedException("the site is outside the caller's scope");
        }
        if (month.isAfter(YearMonth.from(BusinessTime.today(clock)))) {
            throw new BadRequestException("The month has not begun", "month");
        }
        Map<Integer, Integer> given = new HashMap<>();
        mapper.scoreCounts(siteId, month.atDay(1), month.atEndOfMonth()).forEach(row -> given.put(row.score(), row.count()));
        List<SiteRatings.ScoreCount> scoreCounts = new ArrayList<>();
        RatingTally tally = RatingTally.NONE;
        for (int score = MIN_SCORE; score <= MAX_SCORE; score++) {
            int count = given.getOrDefault(score, 0);
            scoreCounts.add(new SiteRatings.ScoreCount(score, count));
            tally = tally.plus(new RatingTally(count, (long) score * count));
        }
        return new SiteRatings(siteId, site.operatorId(), month, tally.count(), rounded(tally), List.copyOf(scoreCounts));
    }

    /** The tags of a checked site's month, most frequent first. */
    @Transactional(readOnly = true)
    List<SiteRatings.TagCount> tagCounts(SiteRatings ratings) {
        return mapper.tagCounts(ratings.siteId(), ratings.from(), ratings.to());
    }

    /** The month over all the sites of a checked site's operator. */
    @Transactional(readOnly = true)
    SiteRatings.OperatorRatings operatorRatings(SiteRatings ratings) {
        RatingTally tally = mapper.operatorTally(ratings.operatorId(), ratings.from(), ratings.to());
        return new SiteRatings.OperatorRatings(ratings.operatorId(), tally.count(), rounded(tally));
    }

    /** A page of a checked site's month of ratings, most recently given first. */
    @Transactional(readOnly = true)
    Connection<MealRating> ratingPage(SiteRatings ratings, PageRequest page) {
        Instant afterRatedAt = null;
        Long afterId = null;
        if (page.hasAfter()) {
            List<String> position = Cursor.decode(page.after(), 2);
            try {
                afterRatedAt = Instant.parse(position.get(0));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("after is not a cursor returned by this list", "after");
            }
            afterId = Cursor.idPart(position.get(1));
        }
        List<MealRating> rows = mapper.findSitePage(ratings.siteId(), ratings.from(), ratings.to(), afterRatedAt, afterId, page.fetchSize());
        return Connection.of(rows, page, rating -> Cursor.encode(rating.ratedAt(), rating.id()), ratings.ratingCount());
    }

    /** An average for people to read: two decimals, half up. */
    private static Double rounded(RatingTally tally) {
        return tally.count() == 0 ? null
                : BigDecimal.valueOf(tally.scoreSum()).divide(BigDecimal.valueOf(tally.count()), 2, RoundingMode.HALF_UP).doubleValue();
    }

    // ------------------------------------------------------------ for the operator evaluation

    /**
     * Per operator that served them (meal_rating.operator_id), the ratings of meals at these sites
     * served between the dates, both included. Unscoped: the caller checks who may see them.
     */
    @Transactional(readOnly = true)
    public Map<Long, RatingTally> tallyByOperator(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        Map<Long, RatingTally> tallies = new HashMap<>();
        if (!siteIds.isEmpty()) {
            mapper.tallyByOperator(siteIds, from, to).forEach(row -> tallies.put(row.operatorId(), new RatingTally(row.count(), row.scoreSum())));
        }
        return tallies;
    }

    /**
     * Per meal date, the ratings of meals at these sites served between the dates, both included;
     * dates without a rating are absent. Unscoped, as {@link #tallyByOperator}.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, RatingTally> tallyByDay(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        Map<LocalDate, RatingTally> tallies = new TreeMap<>();
        if (!siteIds.isEmpty()) {
            mapper.tallyByDay(siteIds, from, to).forEach(row -> tallies.put(row.date(), new RatingTally(row.count(), row.scoreSum())));
        }
        return tallies;
    }

    // ------------------------------------------------------------ inputs and results

    /**
     * Computes the rating tallies (meal_rating_tally) of the days between the dates again from the
     * ratings: for ratings written around the application (a data load, the demo's history, the
     * benchmark's seeding), as {@code rebuildMealRollups} does for the meal roll-ups, and called by it.
     * Unscoped: its callers have checked the caller. Returns the tally rows written.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public int rebuildTallies(LocalDate from, LocalDate to) {
        mapper.deleteTallies(from, to);
        return mapper.computeTallies(from, to);
    }

    /** The meal roll-ups were computed again over a range: the rating tallies of the same days are too, in a transaction of their own. */
    @EventListener
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public void rebuildTalliesWith(MealRollupsRebuilt rebuilt) {
        mapper.deleteTallies(rebuilt.from(), rebuilt.to());
        mapper.computeTallies(rebuilt.from(), rebuilt.to());
    }

    public record RateMealInput(long mealRecordId, int score, List<RatingTag> tags, String comment, String callReference) {
    }

    public record RateResult(MealRating rating, List<UserError> userErrors) {
        static RateResult failed(List<UserError> errors) {
            return new RateResult(null, List.copyOf(errors));
        }
    }
}
