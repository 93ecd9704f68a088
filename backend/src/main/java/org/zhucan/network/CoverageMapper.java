package org.zhucan.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Coverage figures, aggregated in SQL over each region's subtree as of a day. */
@Mapper
interface CoverageMapper {

    /** For each region: its communities and villages, and how many have an operating site serving diners. */
    List<CommunityCount> countCommunities(@Param("regionIds") Collection<Long> regionIds, @Param("asOf") LocalDate asOf);

    /** For each region: sites serving diners that existed on the day, by their status that day. */
    List<StatusCount> countSitesByStatus(@Param("regionIds") Collection<Long> regionIds, @Param("asOf") LocalDate asOf);

    List<Target> findTargets(@Param("regionIds") Collection<Long> regionIds, @Param("year") int year);

    void upsertTarget(@Param("regionId") long regionId, @Param("year") int year, @Param("metric") CoverageMetric metric,
                      @Param("basisPoints") int basisPoints, @Param("at") Instant at);

    record CommunityCount(long regionId, int communities, int covered) {
    }

    record StatusCount(long regionId, SiteStatus status, int count) {
    }

    /** A target share in basis points (6000 = 60.00%). */
    record Target(long regionId, int year, CoverageMetric metric, int basisPoints) {
    }
}
