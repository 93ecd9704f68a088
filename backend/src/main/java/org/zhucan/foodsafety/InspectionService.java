package org.zhucan.foodsafety;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
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
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * Food-safety inspections (食品安全检查) of sites: recording them with their items, photos and
 * follow-ups, and reading them.
 *
 * <p>Inspectors of the site's region and administrators record inspections. Reads follow
 * {@link FoodSafetyAccess#readScope}: an operator's staff see their operator's, finance and
 * inspectors their region's, administrators all.
 */
@Service
public class InspectionService {

    /** Paper inspection forms are typed in later, but not months later. */
    static final int INSPECTION_DAYS_BACK = 30;
    static final int MAX_SUMMARY = 500;
    static final int MAX_NOTE = 255;
    static final int MAX_PHOTOS = 9;
    static final int MAX_URL = 512;

    private final FoodSafetyMapper mapper;
    private final SiteService siteService;
    private final FoodSafetyAccess access;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InspectionService(FoodSafetyMapper mapper, SiteService siteService, FoodSafetyAccess access, AuditService audit, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.mapper = mapper;
        this.siteService = siteService;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ inspections: writing

    /** Records an inspection; an INSPECTOR whose region covers the site, or ADMIN of a region that holds it. */
    @Transactional
    public InspectionPayload recordInspection(RecordInspectionInput input) {
        Site site = siteService.require(input.siteId());
        CurrentUser user = CurrentUser.get();
        if (!access.administers(user, site) && !access.inspectorCovers(user, site)) {
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
        events.publishEvent(new InspectionRecorded(recorded, firstOfChain(recorded)));
        return new InspectionPayload(recorded, List.of());
    }

    /** The first inspection of the follow-up chain this one is in (itself when it follows nothing up). */
    private long firstOfChain(Inspection inspection) {
        Inspection first = inspection;
        while (first.followsUpId() != null) {
            first = mapper.findInspection(first.followsUpId());
        }
        return first.id();
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
        CallerScope scope = access.readScope();
        Inspection inspection = mapper.findInspection(id);
        return inspection != null && access.covers(scope, inspection.operatorId(), inspection.siteId()) ? inspection : null;
    }

    /** inspections: newest first (inspection date, then id), within the caller's scope. */
    @Transactional(readOnly = true)
    public Connection<Inspection> inspections(InspectionFilter filter, PageRequest page) {
        CallerScope scope = access.readScope();
        InspectionFilter given = filter == null ? InspectionFilter.NONE : filter;
        if (given.from() != null && given.to() != null && given.to().isBefore(given.from())) {
            throw new BadRequestException("to is before from", "filter", "to");
        }
        List<Inspection> rows = mapper.findInspectionPage(given, scope, FoodSafetyMapper.DateKey.after(page), page.fetchSize());
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
        CallerScope scope = access.readScope();
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
