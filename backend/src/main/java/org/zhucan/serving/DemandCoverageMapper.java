package org.zhucan.serving;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Demand coverage (需求保障) in SQL: eligible diners and those of them who ate, per community of a region, for a month. */
@Mapper
interface DemandCoverageMapper {

    /**
     * Every community and village of the region subtree, by division code, with its eligible
     * diners in the month and how many of them had a standing meal in it.
     *
     * @param bornBy the last birth date of a diner aged 80 or over by the month's last day
     */
    List<CommunityDemand> countByCommunity(@Param("regionPath") String regionPath, @Param("monthStart") LocalDate monthStart,
                                           @Param("monthEnd") LocalDate monthEnd, @Param("bornBy") LocalDate bornBy);

    record CommunityDemand(long communityId, int eligible, int served) {
    }
}
