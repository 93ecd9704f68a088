package org.zhucan.foodsafety;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.MealSlot;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.network.StaffScope;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.serving.ServedSlot;
import org.zhucan.serving.ServingService;

import static org.zhucan.common.Text.blankToNull;

/**
 * Food safety (食品安全): inspections of sites, each slot's sample retention (留样) and the served
 * slots without one.
 *
 * <p>Inspectors of the site's region and administrators record inspections; the site's kitchen
 * staff, those inspectors and administrators log sample retention. Reads follow
 * {@link RegionService#oversightScope}: an operator's staff see their operator's, finance and
 * inspectors their region's, administrators all. Meals served are read only through
 * {@link ServingService}.
 */
@Service
public class FoodSafetyService {

    /** Paper inspection forms are typed in later, but not months later. */
    static final int INSPECTION_DAYS_BACK = 30;
    static final int MAX_SUMMARY = 500;
    static final int MAX_NOTE = 255;
    static final int MAX_PHOTOS = 9;
    static final int MAX_URL = 512;
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
    private final RegionService regionService;
    private final ServingService servingService;
    private final AuditService audit;
    private final Clock clock;

    FoodSafetyService(FoodSafetyMapper mapper, SiteService siteService, RegionService regionService, ServingService servingService,
                      AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.siteService = siteService;
        this.regionService = regionService;
        this.servingService = servingService;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ inspections: writing

    /** Records an inspection; an INSPECTOR whose region covers the site, or ADMIN. */
    @Transactional
    public InspectionPayload recordInspection(RecordInspectionInput input) {
        Site site = siteService.require(input.siteId());
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.ADMIN) && !inspectorCovers(user, site)) {
            throw new AccessDeniedException("inspections are recorded by inspectors of the site's region and administrators");
        }
        List<UserError> problems = new ArrayList<>();
        LocalDate today = BusinessTime.today(clock);
        if (input.inspectedOn().isAfter(today)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "inspectedOn is in the future", "input", "inspectedOn"));
        } else if (input.inspectedOn().isBefore(today.minusDays(INSPECTION_DAYS_BACK))) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT,
                    "inspectedOn is more than " + INSPECTION_DAYS_BACK + " days ago; record inspections within a month", "input", "inspectedOn"));
        }
        List<InspectionItem> items = checkItems(input.items(), problems);
        if (input.result() == InspectionResult.PASSED && items.stream().anyMatch(item -> !item.passed())) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "An inspection with a failed item cannot be PASSED", "input", "result"));
        }
        String summary = blankToNull(input.summary());
        if (summary != null && summary.length() > MAX_SUMMARY) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The summary has at most " + MAX_SUMMARY + " characters", "input", "summary"));
        }
        List<String> photoUrls = input.photoUrls() == null ? List.of() : input.photoUrls();
        checkPhotoUrls(photoUrls, problems);
        checkFollowUpDue(input, problems);
        if (input.followsUpInspectionId() != null) {
            String refusal = followUpRefusal(mapper.findInspection(input.followsUpInspectionId()), site, input.inspectedOn());
            if (refusal != null) {
                problems.add(UserError.of(UserErrorCode.INVALID_FOLLOW_UP, refusal, "input", "followsUpInspectionId"));
            }
        }
        if (!problems.isEmpty()) {
            return new InspectionPayload(null, List.copyOf(problems));
        }
        GeneratedKey key = new GeneratedKey();
        mapper.insertInspection(key, new FoodSafetyMapper.NewInspection(site.id(), site.operatorId(), input.inspectedOn(), input.result(),
                summary, input.followUpDue(), input.followsUpInspectionId(), user.username(), now()));
        long id = key.value();
        List<InspectionItem> stored = items.stream().map(item -> new InspectionItem(id, item.item(), item.passed(), item.note())).toList();
        mapper.insertItems(id, stored);
        if (!photoUrls.isEmpty()) {
            mapper.insertPhotos(id, photoUrls);
        }
        Inspection recorded = mapper.findInspection(id);
        audit.record("INSPECTION_RECORDED", "Inspection", id, null,
                Map.of("inspection", recorded, "items", stored, "photoUrls", photoUrls));
        return new InspectionPayload(recorded, List.of());
    }

    private static List<InspectionItem> checkItems(List<InspectionItemInput> inputs, List<UserError> problems) {
        List<InspectionItem> items = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "List at least one item checked", "input", "items"));
            return items;
        }
        Set<InspectionItemCode> seen = EnumSet.noneOf(InspectionItemCode.class);
        for (int i = 0; i < inputs.size(); i++) {
            InspectionItemInput item = inputs.get(i);
            String index = String.valueOf(i);
            if (!seen.add(item.item())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, item.item() + " is listed twice", "input", "items", index, "item"));
            }
            String note = blankToNull(item.note());
            if (note != null && note.length() > MAX_NOTE) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A note has at most " + MAX_NOTE + " characters",
                        "input", "items", index, "note"));
            }
            items.add(new InspectionItem(0, item.item(), item.passed(), note));
        }
        return items;
    }

    private static void checkPhotoUrls(List<String> urls, List<UserError> problems) {
        if (urls.size() > MAX_PHOTOS) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "At most " + MAX_PHOTOS + " photos", "input", "photoUrls"));
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            if (!isWebUrl(urls.get(i))) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT,
                        "A photo URL is an http or https address of at most " + MAX_URL + " characters", "input", "photoUrls", String.valueOf(i)));
            }
        }
    }

    private static boolean isWebUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkFollowUpDue(RecordInspectionInput input, List<UserError> problems) {
        if (!input.result().needsFollowUp()) {
            if (input.followUpDue() != null) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A PASSED inspection has nothing to follow up: leave followUpDue out",
                        "input", "followUpDue"));
            }
        } else if (input.followUpDue() == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A " + input.result() + " inspection needs a followUpDue date",
                    "input", "followUpDue"));
        } else if (!input.followUpDue().isAfter(input.inspectedOn())) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "followUpDue must be after inspectedOn", "input", "followUpDue"));
        }
    }

    /** Why an inspection cannot be re-inspected by one of this site on this day, or null. */
    private static String followUpRefusal(Inspection followed, Site site, LocalDate inspectedOn) {
        if (followed == null || followed.siteId() != site.id()) {
            return "The inspection followed up must be one of this site";
        }
        if (followed.inspectedOn().isAfter(inspectedOn)) {
            return "The inspection followed up must be on or before inspectedOn";
        }
        if (!followed.result().needsFollowUp()) {
            return "The inspection followed up passed: it needs no follow-up";
        }
        if (followed.closed()) {
            return "The inspection followed up is already closed by a passing re-inspection";
        }
        return null;
    }

    // ------------------------------------------------------------ inspections: reading

    /** An inspection in the caller's scope, or null. */
    @Transactional(readOnly = true)
    public Inspection inspection(long id) {
        StaffScope scope = readScope();
        Inspection inspection = mapper.findInspection(id);
        return inspection != null && covers(scope, inspection.operatorId(), inspection.siteId()) ? inspection : null;
    }

    /** inspections: newest first (inspection date, then id), within the caller's scope. */
    @Transactional(readOnly = true)
    public Connection<Inspection> inspections(InspectionFilter filter, PageRequest page) {
        StaffScope scope = readScope();
        InspectionFilter given = filter == null ? InspectionFilter.NONE : filter;
        if (given.from() != null && given.to() != null && given.to().isBefore(given.from())) {
            throw new BadRequestException("to is before from", "filter", "to");
        }
        List<Inspection> rows = mapper.findInspectionPage(given, scope, dateKeyAfter(page), page.fetchSize());
        return Connection.of(rows, page, inspection -> Cursor.encode(inspection.inspectedOn(), inspection.id()),
                mapper.countInspections(given, scope));
    }

    /**
     * The inspections other inspections follow up. Each is of the same site as its follower, so a
     * region's scope covers both; an operator's staff do not see one counted against another
     * operator (the site changed hands in between).
     */
    @Transactional(readOnly = true)
    public Map<Long, Inspection> followedUpByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        StaffScope scope = readScope();
        Map<Long, Inspection> found = new HashMap<>();
        mapper.findInspections(ids).stream()
                .filter(inspection -> scope.operatorId() == null || scope.operatorId() == inspection.operatorId())
                .forEach(inspection -> found.put(inspection.id(), inspection));
        return found;
    }

    /** The items of each inspection, in the order of {@link InspectionItemCode}. */
    @Transactional(readOnly = true)
    public Map<Long, List<InspectionItem>> itemsOf(Collection<Long> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return Map.of();
        }
        List<InspectionItem> items = new ArrayList<>(mapper.findItemsOf(inspectionIds));
        items.sort(Comparator.comparing(InspectionItem::item));
        return Batches.group(inspectionIds, items, InspectionItem::inspectionId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<String>> photoUrlsOf(Collection<Long> inspectionIds) {
        Map<Long, List<String>> urls = new LinkedHashMap<>();
        inspectionIds.forEach(id -> urls.put(id, new ArrayList<>()));
        if (!inspectionIds.isEmpty()) {
            mapper.findPhotosOf(inspectionIds).forEach(photo -> urls.get(photo.inspectionId()).add(photo.url()));
        }
        return urls;
    }

    /** Where each inspection's follow-up stands today. */
    public FollowUpStatus followUpStatus(Inspection inspection) {
        return inspection.followUpStatus(BusinessTime.today(clock));
    }

    /**
     * For the operator evaluation: per operator the inspection counts against, how many
     * inspections of these sites dated between the days ended in each result. Unscoped: the caller
     * checks who may see them.
     */
    @Transactional(readOnly = true)
    public Map<Long, InspectionTally> inspectionTallyByOperator(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        if (siteIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, InspectionTally> tallies = new HashMap<>();
        mapper.tallyByOperator(siteIds, from, to).forEach(row ->
                tallies.put(row.operatorId(), new InspectionTally(row.passed(), row.needsRectification(), row.failed())));
        return tallies;
    }

    // ------------------------------------------------------------ sample retention: writing

    /**
     * Logs a slot's sample retention; the site's OPERATOR staff, an INSPECTOR of its region, or
     * ADMIN. One log per site, date and slot: of two racing logs the unique key lets one in and
     * the other is told SAMPLE_ALREADY_LOGGED.
     */
    @Transactional
    public SampleRetentionPayload logSampleRetention(LogSampleRetentionInput input) {
        Site site = siteService.require(input.siteId());
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.ADMIN) && !user.actsForOperator(site.operatorId()) && !inspectorCovers(user, site)) {
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
        StaffScope scope = readScope();
        checkWindow(filter);
        List<SampleRetention> rows = mapper.findRetentionPage(filter, scope, dateKeyAfter(page), page.fetchSize());
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
        StaffScope scope = readScope();
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
     * {@link ServingService#servedSlots} counts it: a slot whose meals were all voided since still
     * had food cooked and handed out), that is over, and that has no sample retention log; by date,
     * site and slot. A slot is over once its day is past, or today once the site's serving hours of
     * the slot have ended. Unscoped: the caller checks who may see them.
     */
    @Transactional(readOnly = true)
    public List<MissingSampleLog> missingSampleLogs(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        return missingSampleLogsAmong(servingService.servedSlotsOver(siteIds, from, to), siteIds, from, to);
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

    // ------------------------------------------------------------ helpers

    /** OPERATOR staff: their operator's; FINANCE and INSPECTOR: their region's; ADMIN: all. */
    private StaffScope readScope() {
        return regionService.oversightScope(CurrentUser.get(),
                "food-safety records are for operators' staff, finance, inspectors and administrators");
    }

    private boolean covers(StaffScope scope, long operatorId, long siteId) {
        if (scope.operatorId() != null || scope.regionPath() == null) {
            return scope.covers(operatorId, "");
        }
        return scope.covers(operatorId, regionService.require(siteService.require(siteId).communityId()).path());
    }

    private boolean inspectorCovers(CurrentUser user, Site site) {
        return user.roles().contains(Role.INSPECTOR) && user.regionId() != null
                && regionService.require(site.communityId()).path().startsWith(regionService.require(user.regionId()).path());
    }

    private static FoodSafetyMapper.DateKey dateKeyAfter(PageRequest page) {
        if (!page.hasAfter()) {
            return null;
        }
        List<String> parts = Cursor.decode(page.after(), 2);
        try {
            return new FoodSafetyMapper.DateKey(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (RuntimeException e) {
            throw new BadRequestException("after is not a cursor returned by this list", "after");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ------------------------------------------------------------ inputs and results

    public record InspectionItemInput(InspectionItemCode item, boolean passed, String note) {
    }

    public record RecordInspectionInput(long siteId, LocalDate inspectedOn, List<InspectionItemInput> items, InspectionResult result,
                                        String summary, List<String> photoUrls, LocalDate followUpDue, Long followsUpInspectionId) {
    }

    public record InspectionPayload(Inspection inspection, List<UserError> userErrors) {
    }

    public record InspectionFilter(Long siteId, Long operatorId, LocalDate from, LocalDate to, InspectionResult result, Boolean followUpOpen) {
        static final InspectionFilter NONE = new InspectionFilter(null, null, null, null, null, null);
    }

    public record SampleRetentionDishInput(String name, int weightGrams) {
    }

    public record LogSampleRetentionInput(long siteId, LocalDate date, MealSlot slot, Instant keptAt, String keeper,
                                          List<SampleRetentionDishInput> dishes) {
    }

    public record SampleRetentionPayload(SampleRetention sampleRetention, List<UserError> userErrors) {
        static SampleRetentionPayload failed(List<UserError> errors) {
            return new SampleRetentionPayload(null, List.copyOf(errors));
        }
    }

    public record SampleRetentionFilter(LocalDate from, LocalDate to, Long siteId, Long operatorId) {
    }
}
