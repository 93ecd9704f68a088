package org.zhucan.foodsafety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
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
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.security.CurrentUser;
import org.zhucan.serving.MealRecordReadService;
import org.zhucan.serving.ServedSlot;

import static org.zhucan.common.Text.blankToNull;

/**
 * Sample retention (留样): each slot's log of the dishes kept, and the served slots without one.
 *
 * <p>The site's kitchen staff, inspectors of its region and administrators log sample retention.
 * Reads follow {@link FoodSafetyAccess#readScope}: an operator's staff see their operator's,
 * finance and inspectors their region's, administrators all. Meals served are read only through
 * {@link MealRecordReadService}.
 */
@Service
public class SampleRetentionService {

    static final int MAX_KEEPER = 64;
    static final int MAX_DISH_NAME = 64;
    static final int MAX_DISHES = 20;
    static final int MAX_GRAMS = 5000;
    /** Samples are kept sealed and chilled for 48 hours, then may be disposed of. */
    static final Duration RETENTION_PERIOD = Duration.ofHours(48);
    /** A log entered more than this long after the slot's serving hours is marked as logged late (补登). */
    static final Duration LATE_AFTER_SERVING = Duration.ofHours(1);
    /** The longest window of meal dates a sample-retention list covers, as for mealRecordFlags. */
    static final int MAX_WINDOW_DAYS = 92;

    private static final Comparator<MissingSampleLog> BY_DATE_SITE_SLOT = Comparator.comparing(MissingSampleLog::date)
            .thenComparingLong(MissingSampleLog::siteId).thenComparing(MissingSampleLog::slot);

    private final FoodSafetyMapper mapper;
    private final SiteService siteService;
    private final MealRecordReadService mealRecords;
    private final FoodSafetyAccess access;
    private final AuditService audit;
    private final Clock clock;

    SampleRetentionService(FoodSafetyMapper mapper, SiteService siteService, MealRecordReadService mealRecords, FoodSafetyAccess access,
                           AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.siteService = siteService;
        this.mealRecords = mealRecords;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ sample retention: writing

    /**
     * Logs a slot's sample retention; the site's OPERATOR staff, an INSPECTOR of its region, or
     * ADMIN. One log per site, date and slot: of two racing logs the unique key lets one in and
     * the other is told SAMPLE_ALREADY_LOGGED.
     */
    @Transactional
    @RetryOnTransientFailure
    public SampleRetentionPayload logSampleRetention(LogSampleRetentionInput input) {
        Site site = siteService.require(input.siteId());
        CurrentUser user = CurrentUser.get();
        if (!access.isStaffOf(user, site) && !access.inspectorCovers(user, site)) {
            throw new AccessDeniedException("sample retention is logged by the site's staff, inspectors of its region and administrators");
        }
        List<UserError> problems = new ArrayList<>();
        if (siteService.slotOf(site, input.slot()) == null) {
            problems.add(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " does not serve " + input.slot(), "input", "slot"));
        }
        Instant now = now();
        if (!BusinessTime.dateOf(input.keptAt()).equals(input.date())) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "keptAt must fall on " + input.date() + " (Asia/Shanghai)", "input", "keptAt"));
        } else if (input.keptAt().isAfter(now)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "keptAt is in the future", "input", "keptAt"));
        }
        String keeper = blankToNull(input.keeper());
        if (keeper == null || keeper.length() > MAX_KEEPER) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Name the keeper in 1 to " + MAX_KEEPER + " characters", "input", "keeper"));
        }
        List<SampleRetentionDish> dishes = checkDishes(input.dishes(), problems);
        if (!problems.isEmpty()) {
            return SampleRetentionPayload.failed(problems);
        }
        if (mapper.findRetentionOfSlot(site.id(), input.date(), input.slot()) != null) {
            return alreadyLogged(input);
        }
        GeneratedKey key = new GeneratedKey();
        try {
            mapper.insertRetention(key, new SampleRetention(0, site.id(), input.date(), input.slot(), input.keptAt().truncatedTo(ChronoUnit.MICROS),
                    keeper, user.username(), now));
        } catch (DuplicateKeyException e) {
            // another log of the slot committed between the check above and this insert
            return alreadyLogged(input);
        }
        long id = key.value();
        List<SampleRetentionDish> kept = dishes.stream().map(dish -> new SampleRetentionDish(id, dish.position(), dish.name(), dish.weightGrams())).toList();
        mapper.insertDishes(kept);
        SampleRetention logged = mapper.findRetention(id);
        audit.record("SAMPLE_RETENTION_LOGGED", "SampleRetention", id, null, Map.of("sampleRetention", logged, "dishes", kept));
        return new SampleRetentionPayload(logged, List.of());
    }

    private static SampleRetentionPayload alreadyLogged(LogSampleRetentionInput input) {
        return SampleRetentionPayload.failed(List.of(UserError.of(UserErrorCode.SAMPLE_ALREADY_LOGGED,
                "The sample retention of " + input.date() + " " + input.slot() + " is already logged", "input", "slot")));
    }

    private static List<SampleRetentionDish> checkDishes(List<SampleRetentionDishInput> inputs, List<UserError> problems) {
        List<SampleRetentionDish> dishes = new ArrayList<>();
        if (inputs == null || inputs.isEmpty() || inputs.size() > MAX_DISHES) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "List 1 to " + MAX_DISHES + " dishes", "input", "dishes"));
            return dishes;
        }
        for (int i = 0; i < inputs.size(); i++) {
            SampleRetentionDishInput dish = inputs.get(i);
            String index = String.valueOf(i);
            String name = blankToNull(dish.name());
            if (name == null || name.length() > MAX_DISH_NAME) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A dish name has 1 to " + MAX_DISH_NAME + " characters",
                        "input", "dishes", index, "name"));
            }
            if (dish.weightGrams() < 1 || dish.weightGrams() > MAX_GRAMS) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A sample weighs 1 to " + MAX_GRAMS + " grams",
                        "input", "dishes", index, "weightGrams"));
            }
            dishes.add(new SampleRetentionDish(0, i, name, dish.weightGrams()));
        }
        return dishes;
    }

    // ------------------------------------------------------------ sample retention: reading

    /** sampleRetentions: newest meal date first, within the caller's scope. */
    @Transactional(readOnly = true)
    public Connection<SampleRetention> sampleRetentions(SampleRetentionFilter filter, PageRequest page) {
        CallerScope scope = access.readScope();
        checkWindow(filter);
        List<SampleRetention> rows = mapper.findRetentionPage(filter, scope, FoodSafetyMapper.DateKey.after(page), page.fetchSize());
        return Connection.of(rows, page, retention -> Cursor.encode(retention.date(), retention.id()), mapper.countRetentions(filter, scope));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SampleRetentionDish>> dishesOf(Collection<Long> retentionIds) {
        return Batches.group(retentionIds, retentionIds.isEmpty() ? List.of() : mapper.findDishesOf(retentionIds), SampleRetentionDish::retentionId);
    }

    /** Whether each log was entered more than an hour after its slot's serving hours ended that day (by the site's hours now). */
    @Transactional(readOnly = true)
    public Map<Long, Boolean> loggedLate(Collection<SampleRetention> retentions) {
        Map<Long, List<SiteSlot>> hours = siteService.slotsOf(retentions.stream().map(SampleRetention::siteId).distinct().toList());
        Map<Long, Boolean> late = new HashMap<>();
        for (SampleRetention retention : retentions) {
            SiteSlot slot = hours.getOrDefault(retention.siteId(), List.of()).stream()
                    .filter(served -> served.slot() == retention.slot()).findFirst().orElse(null);
            late.put(retention.id(), slot != null && retention.loggedAt().isAfter(
                    retention.date().atTime(slot.servesTo()).atZone(BusinessTime.ZONE).toInstant().plus(LATE_AFTER_SERVING)));
        }
        return late;
    }

    public static Instant disposeAfter(SampleRetention retention) {
        return retention.keptAt().plus(RETENTION_PERIOD);
    }

    /**
     * missingSampleLogs: the served slots without a log at the sites in the caller's scope, by date,
     * site and slot.
     *
     * <p>Paged in Java over the whole list: the list is computed by matching two sets (served
     * slots, logged slots) rather than by one SQL query, and for a window of at most 92 days it
     * holds at most a few hundred entries per site, mostly far fewer since logged slots drop out.
     */
    @Transactional(readOnly = true)
    public Connection<MissingSampleLog> missingSampleLogs(SampleRetentionFilter filter, PageRequest page) {
        CallerScope scope = access.readScope();
        checkWindow(filter);
        List<MissingSampleLog> all = missingSampleLogs(mapper.siteIdsInScope(filter, scope), filter.from(), filter.to());
        int start = 0;
        if (page.hasAfter()) {
            MissingSampleLog after = missingAfter(page.after());
            while (start < all.size() && BY_DATE_SITE_SLOT.compare(all.get(start), after) <= 0) {
                start++;
            }
        }
        List<MissingSampleLog> fetched = all.subList(start, Math.min(all.size(), start + page.fetchSize()));
        return Connection.of(fetched, page, missing -> Cursor.encode(missing.date(), missing.siteId(), missing.slot()), all.size());
    }

    /**
     * Every slot of these sites between the days in which meals were served (as
     * {@link MealRecordReadService#servedSlots} counts it: a slot whose meals were all voided since still
     * had food cooked and handed out), that is over, and that has no sample retention log; by date,
     * site and slot. A slot is over once its day is past, or today once the site's serving hours of
     * the slot have ended. Unscoped: the caller checks who may see them.
     */
    @Transactional(readOnly = true)
    public List<MissingSampleLog> missingSampleLogs(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        return missingSampleLogsAmong(mealRecords.servedSlotsOver(siteIds, from, to), siteIds, from, to);
    }

    /**
     * As {@link #missingSampleLogs(Collection, LocalDate, LocalDate)}, over served slots that are
     * over already read by the caller (an evaluation reads them for its own figures too).
     */
    @Transactional(readOnly = true)
    public List<MissingSampleLog> missingSampleLogsAmong(List<ServedSlot> served, Collection<Long> siteIds, LocalDate from, LocalDate to) {
        if (served.isEmpty()) {
            return List.of();
        }
        Set<FoodSafetyMapper.LoggedSlot> logged = new HashSet<>(mapper.loggedSlots(siteIds, from, to));
        // keyed by site, date and slot: servedSlots gives one row per operator, and a site may change hands mid-slot
        Map<FoodSafetyMapper.LoggedSlot, MissingSampleLog> missing = new HashMap<>();
        for (ServedSlot slot : served) {
            FoodSafetyMapper.LoggedSlot key = new FoodSafetyMapper.LoggedSlot(slot.siteId(), slot.date(), slot.slot());
            if (logged.contains(key)) {
                continue;
            }
            missing.merge(key, new MissingSampleLog(slot.siteId(), slot.operatorId(), slot.date(), slot.slot(), slot.meals()),
                    (one, other) -> new MissingSampleLog(one.siteId(), one.mealsServed() >= other.mealsServed() ? one.operatorId() : other.operatorId(),
                            one.date(), one.slot(), one.mealsServed() + other.mealsServed()));
        }
        return missing.values().stream().sorted(BY_DATE_SITE_SLOT).toList();
    }

    private static MissingSampleLog missingAfter(String cursor) {
        List<String> parts = Cursor.decode(cursor, 3);
        try {
            return new MissingSampleLog(Long.parseLong(parts.get(1)), 0, LocalDate.parse(parts.get(0)), MealSlot.valueOf(parts.get(2)), 0);
        } catch (RuntimeException e) {
            throw new BadRequestException("after is not a cursor returned by this list", "after");
        }
    }

    private static void checkWindow(SampleRetentionFilter filter) {
        if (filter.to().isBefore(filter.from())) {
            throw new BadRequestException("to is before from", "filter", "to");
        }
        if (ChronoUnit.DAYS.between(filter.from(), filter.to()) >= MAX_WINDOW_DAYS) {
            throw new BadRequestException("at most " + MAX_WINDOW_DAYS + " days at once", "filter", "to");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
