package org.zhucan.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface SiteMapper {

    Site findById(@Param("id") long id);

    List<Site> findByIds(@Param("ids") Collection<Long> ids);

    /** By id; {@code afterId} is the keyset position (exclusive). */
    List<Site> findPage(@Param("query") SiteQuery query, @Param("afterId") Long afterId, @Param("limit") int limit);

    long count(@Param("query") SiteQuery query);

    List<Site> findInRegion(@Param("regionPath") String regionPath);

    void insert(@Param("key") GeneratedKey key, @Param("site") Site site, @Param("at") Instant at);

    /** Writes every descriptive field if the site is still at {@code site.version}; 0 when someone got there first. */
    int update(@Param("site") Site site, @Param("at") Instant at);

    int updateStatus(@Param("id") long id, @Param("version") int version, @Param("status") SiteStatus status,
                     @Param("openedOn") LocalDate openedOn, @Param("closedOn") LocalDate closedOn,
                     @Param("reason") String reason, @Param("at") Instant at);

    void deleteSlots(@Param("siteId") long siteId);

    void insertSlots(@Param("slots") Collection<SiteSlot> slots);

    void deleteFulfilments(@Param("siteId") long siteId);

    void insertFulfilments(@Param("fulfilments") Collection<SiteFulfilment> fulfilments);

    List<SiteSlot> findSlotsOf(@Param("siteIds") Collection<Long> siteIds);

    /**
     * Records the site's current slots as its first slot history, effective from its creation,
     * when it has none yet (its slots were written around the application, e.g. by a data load).
     */
    void startSlotHistory(@Param("siteId") long siteId, @Param("changedBy") String changedBy);

    void insertSlotChanges(@Param("changes") Collection<SiteSlotChange> changes);

    /** Oldest first. */
    List<SiteSlotChange> findSlotChangesOf(@Param("siteIds") Collection<Long> siteIds);

    List<SiteFulfilment> findFulfilmentsOf(@Param("siteIds") Collection<Long> siteIds);

    void insertStatusChange(@Param("change") SiteStatusChange change);

    /** Oldest first. */
    List<SiteStatusChange> findStatusChangesOf(@Param("siteIds") Collection<Long> siteIds);

    SiteStatusChange findLastStatusChange(@Param("siteId") long siteId);

    /**
     * Operating sites serving diners within {@code radiusMeters}, nearest first. The bounding box
     * narrows the rows on the location index before the exact great-circle distance is computed.
     */
    List<Nearby> findNearby(@Param("lat") double lat, @Param("lng") double lng, @Param("radiusMeters") int radiusMeters,
                            @Param("minLat") BigDecimal minLat, @Param("maxLat") BigDecimal maxLat,
                            @Param("minLng") BigDecimal minLng, @Param("maxLng") BigDecimal maxLng, @Param("limit") int limit);

    /** The filter of the site list, resolved: a region becomes its path. */
    record SiteQuery(String regionPath, List<SiteKind> kinds, List<SiteStatus> statuses, Long operatorId, MealSlot slot,
                     Fulfilment fulfilment, String text) {
    }

    record Nearby(long siteId, int distanceMeters) {
    }

    void insertOperatorChange(@Param("siteId") long siteId, @Param("fromOperatorId") long fromOperatorId,
                              @Param("toOperatorId") long toOperatorId, @Param("effectiveOn") LocalDate effectiveOn,
                              @Param("by") String by, @Param("at") Instant at);

    /** Every hand-over of the sites, oldest first. */
    List<SiteOperatorChange> findOperatorChanges(@Param("siteIds") Collection<Long> siteIds);
}
