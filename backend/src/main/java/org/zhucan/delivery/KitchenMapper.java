package org.zhucan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.MealSlot;

@Mapper
interface KitchenMapper {

    /** The sites a kitchen supplies (their suppliedBy), by id. */
    List<Long> findSuppliedBy(@Param("kitchenId") long kitchenId);

    List<KitchenDispatch> findDispatchesOf(@Param("kitchenId") long kitchenId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    KitchenDispatch findDispatch(@Param("id") long id);

    void insertDispatch(@Param("kitchenId") long kitchenId, @Param("pointId") long pointId, @Param("date") LocalDate date,
                        @Param("slot") MealSlot slot, @Param("sent") int sent, @Param("by") String by, @Param("at") Instant at,
                        @Param("key") GeneratedKey key);

    /** Records the receipt once; 0 when it was recorded before. */
    int receive(@Param("id") long id, @Param("received") int received, @Param("note") String note, @Param("by") String by, @Param("at") Instant at);
}
