package org.zhucan.network;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The site-building ledger's rows: sites serving diners planned to open within a period, under each region asked. */
@Mapper
interface SiteScheduleMapper {

    /** For each region: the sites serving diners in its subtree planned to open from one day to another, by plan date then id. */
    List<PlannedSite> findPlanned(@Param("regionIds") Collection<Long> regionIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    record PlannedSite(long regionId, long siteId, LocalDate plannedOpenOn, LocalDate openedOn) {
    }
}
