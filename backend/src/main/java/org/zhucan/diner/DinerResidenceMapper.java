package org.zhucan.diner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;

/** The residence history (户籍 and 常住) of diners, and the diner row's copy of the current household. */
@Mapper
interface DinerResidenceMapper {

    /**
     * Every entry of the diners, by diner, kind and start. A diner with no entry of a kind (a row
     * written straight into the diner table) gets one read from the diner row: its community and
     * address since its first status change, with id 0.
     */
    List<DinerResidence> findOf(@Param("dinerIds") Collection<Long> dinerIds);

    void insert(@Param("key") GeneratedKey key, @Param("dinerId") long dinerId, @Param("kind") ResidenceKind kind,
                @Param("communityId") long communityId, @Param("address") String address, @Param("validFrom") LocalDate validFrom,
                @Param("reason") String reason, @Param("recordedBy") String recordedBy, @Param("at") Instant at);

    /** Ends the open entry on the day; 0 when it is no longer open (a move meanwhile). */
    int close(@Param("id") long id, @Param("validTo") LocalDate validTo);

    /** Puts another place in the open entry that began today; 0 when it is no longer open. */
    int replace(@Param("id") long id, @Param("communityId") long communityId, @Param("address") String address,
                @Param("reason") String reason, @Param("recordedBy") String recordedBy, @Param("at") Instant at);

    /** The diner row's copy of the current household, which the registry's scope reads. */
    int updateHousehold(@Param("dinerId") long dinerId, @Param("communityId") long communityId, @Param("address") String address,
                        @Param("at") Instant at);
}
