package org.zhucan.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.Like;
import org.zhucan.network.SiteMapper.SiteQuery;

/**
 * Sites as every logged-in role reads them: the registry, their slots and fulfilment, and their
 * status and slots over time. Changes go through {@link SiteWriteService}.
 */
@Service
public class SiteService {

    static final int MAX_NEARBY_RADIUS_METERS = 50_000;
    private static final double METERS_PER_DEGREE_LATITUDE = 111_320;

    /** Room in memory for every site of a large city's network, and their slots. */
    static final int CACHED_SITES = 20_000;

    private final SiteMapper sites;
    private final RegionService regionService;
    /** A site's row, its current slots and its slots over time, by site id: what the counter's writes read of it. */
    private final ReferenceCache.Shelf<Long, Site> cachedSites;
    private final ReferenceCache.Shelf<Long, List<SiteSlot>> cachedSlots;
    private final ReferenceCache.Shelf<Long, SiteSlotTimeline> cachedSlotTimelines;
    private final ReferenceCache.Shelf<Long, SiteStatusTimeline> cachedStatusTimelines;
    private final ReferenceCache.Shelf<Long, List<SiteFulfilment>> cachedFulfilments;

    SiteService(SiteMapper sites, RegionService regionService, ReferenceCache cache) {
        this.sites = sites;
        this.regionService = regionService;
        this.cachedSites = cache.shelf("sites", CACHED_SITES);
        this.cachedSlots = cache.shelf("siteSlots", CACHED_SITES);
        this.cachedSlotTimelines = cache.shelf("siteSlotTimelines", CACHED_SITES);
        this.cachedStatusTimelines = cache.shelf("siteStatusTimelines", CACHED_SITES);
        this.cachedFulfilments = cache.shelf("siteFulfilments", CACHED_SITES);
    }

    /** The site (null when there is none), from memory when this instance has read it since it last changed. */
    @Transactional(readOnly = true)
    public Site find(long id) {
        return cachedSites.get(id, sites::findById);
    }

    /**
     * Drops the site's row, slots and fulfilments from every instance's memory once the current transaction
     * commits: every write to a site, its status, its slots or its fulfilments calls this.
     */
    void evict(long siteId) {
        cachedSites.evict(siteId);
        cachedSlots.evict(siteId);
        cachedSlotTimelines.evict(siteId);
        cachedStatusTimelines.evict(siteId);
        cachedFulfilments.evict(siteId);
    }

    @Transactional(readOnly = true)
    public Map<Long, Site> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sites.findByIds(ids).stream().collect(Collectors.toMap(Site::id, Function.identity()));
    }

    /**
     * Every site in a region's subtree (central kitchens included), by id: what district figures
     * aggregate over. Unscoped; the caller checks who may see them.
     */
    @Transactional(readOnly = true)
    public List<Site> allIn(long regionId) {
        return sites.findInRegion(regionService.require(regionId).path());
    }

    /**
     * A page of sites: one statement, outside any transaction (no SET or COMMIT), and a second one
     * only if the client asks for the total.
     */
    public Connection<Site> list(SiteFilter filter, PageRequest page) {
        SiteFilter given = filter == null ? SiteFilter.NONE : filter;
        String regionPath = given.regionId() == null ? null : regionService.require(given.regionId()).path();
        SiteQuery query = new SiteQuery(regionPath, given.kinds(), given.statuses(), given.operatorId(), given.slot(),
                given.fulfilment(), Like.escape(given.text()));
        Long afterId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<Site> rows = sites.findPage(query, afterId, page.fetchSize());
        return Connection.ofCountedWhenAsked(rows, page, site -> Cursor.encode(site.id()), () -> sites.count(query));
    }

    @Transactional(readOnly = true)
    public List<NearbySite> nearby(double lat, double lng, int radiusMeters, int first) {
        if (lat < -90 || lat > 90) {
            throw new BadRequestException("lat must be between -90 and 90", "lat");
        }
        if (lng < -180 || lng > 180) {
            throw new BadRequestException("lng must be between -180 and 180", "lng");
        }
        if (radiusMeters < 1 || radiusMeters > MAX_NEARBY_RADIUS_METERS) {
            throw new BadRequestException("radiusMeters must be between 1 and " + MAX_NEARBY_RADIUS_METERS, "radiusMeters");
        }
        if (first < 1 || first > PageRequest.MAX_PAGE_SIZE) {
            throw new BadRequestException("first must be between 1 and " + PageRequest.MAX_PAGE_SIZE, "first");
        }
        // a box a little larger than the circle, so that rounding never drops a site on its edge
        double latitudeDelta = radiusMeters / METERS_PER_DEGREE_LATITUDE * 1.01;
        double longitudeDelta = Math.min(180, latitudeDelta / Math.max(0.01, Math.cos(Math.toRadians(lat))));
        List<SiteMapper.Nearby> nearby = sites.findNearby(lat, lng, radiusMeters,
                degrees(lat - latitudeDelta), degrees(lat + latitudeDelta),
                degrees(lng - longitudeDelta), degrees(lng + longitudeDelta), first);
        Map<Long, Site> found = byIds(nearby.stream().map(SiteMapper.Nearby::siteId).toList());
        return nearby.stream().map(row -> new NearbySite(found.get(row.siteId()), row.distanceMeters())).toList();
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SiteSlot>> slotsOf(Collection<Long> siteIds) {
        return Batches.group(siteIds, siteIds.isEmpty() ? List.of() : sites.findSlotsOf(siteIds), SiteSlot::siteId);
    }

    /** The site's hours, seats and cutoff for a slot; null when it does not serve the slot. */
    @Transactional(readOnly = true)
    public SiteSlot slotOf(Site site, MealSlot slot) {
        return cachedSlots.get(site.id(), id -> List.copyOf(slotsOf(List.of(id)).get(id))).stream().filter(served -> served.slot() == slot).findFirst().orElse(null);
    }

    /**
     * The site's fee for a fulfilment; null when it does not offer it. From memory, as the site's slots: every
     * {@code bookMeal} asks it (a statement and 12 % of a booking's CPU when it was read each time).
     */
    @Transactional(readOnly = true)
    public SiteFulfilment fulfilmentOf(Site site, Fulfilment mode) {
        return cachedFulfilments.get(site.id(), id -> List.copyOf(fulfilmentsOf(List.of(id)).get(id))).stream()
                .filter(offered -> offered.mode() == mode).findFirst().orElse(null);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SiteFulfilment>> fulfilmentsOf(Collection<Long> siteIds) {
        return Batches.group(siteIds, siteIds.isEmpty() ? List.of() : sites.findFulfilmentsOf(siteIds), SiteFulfilment::siteId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SiteStatusChange>> statusHistoryOf(Collection<Long> siteIds) {
        return Batches.group(siteIds, siteIds.isEmpty() ? List.of() : sites.findStatusChangesOf(siteIds), SiteStatusChange::siteId);
    }

    /**
     * Each site's slots over time, from one read of their slot histories (and, only for sites
     * without any, one read of their current slots): what a meal recorded days later is judged by.
     */
    @Transactional(readOnly = true)
    public Map<Long, SiteSlotTimeline> slotTimelinesOf(Collection<Long> siteIds) {
        return cachedSlotTimelines.getAll(siteIds, this::readSlotTimelinesOf);
    }

    private Map<Long, SiteSlotTimeline> readSlotTimelinesOf(Collection<Long> siteIds) {
        Map<Long, List<SiteSlotChange>> histories = Batches.group(siteIds, siteIds.isEmpty() ? List.of() : sites.findSlotChangesOf(siteIds),
                SiteSlotChange::siteId);
        List<Long> withoutHistory = histories.entrySet().stream().filter(entry -> entry.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Long, List<SiteSlot>> current = withoutHistory.isEmpty() ? Map.of() : slotsOf(withoutHistory);
        Map<Long, SiteSlotTimeline> timelines = new HashMap<>();
        histories.forEach((siteId, history) -> timelines.put(siteId, new SiteSlotTimeline(history, current.getOrDefault(siteId, List.of()))));
        return timelines;
    }

    /**
     * Each site's statuses day by day, from memory or one read of their histories: a meal at the
     * counter is judged by its site's status on its day, and the history changes only through
     * {@link SiteWriteService}, which evicts it.
     */
    @Transactional(readOnly = true)
    public Map<Long, SiteStatusTimeline> timelinesOf(Collection<Long> siteIds) {
        return cachedStatusTimelines.getAll(siteIds, this::readTimelinesOf);
    }

    private Map<Long, SiteStatusTimeline> readTimelinesOf(Collection<Long> siteIds) {
        Map<Long, SiteStatusTimeline> timelines = new HashMap<>();
        statusHistoryOf(siteIds).forEach((siteId, history) -> timelines.put(siteId, new SiteStatusTimeline(history)));
        return timelines;
    }

    /** Each site's hand-overs, oldest first (empty for a site never handed over), from one read. */
    @Transactional(readOnly = true)
    public Map<Long, List<SiteOperatorChange>> operatorChangesOf(Collection<Long> siteIds) {
        Map<Long, List<SiteOperatorChange>> changes = new HashMap<>();
        siteIds.forEach(id -> changes.put(id, new java.util.ArrayList<>()));
        if (!siteIds.isEmpty()) {
            sites.findOperatorChanges(siteIds).forEach(change -> changes.get(change.siteId()).add(change));
        }
        return changes;
    }

    /** The site, or NOT_FOUND. */
    @Transactional(readOnly = true)
    public Site require(Long id) {
        Site site = id == null ? null : find(id);
        if (site == null) {
            throw new NotFoundException("Site", id);
        }
        return site;
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }
}
