package org.zhucan.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface CareAlertMapper {

    /** Inserts an open alert; the unique key on the open alert of a kind refuses a second one. */
    void insert(@Param("a") NewAlert alert, @Param("key") GeneratedKey key);

    CareAlert findById(@Param("id") long id);

    CareAlert findOpen(@Param("dinerId") long dinerId, @Param("kind") CareAlertKind kind);

    /** The alerts in scope, newest first; {@code beforeId} exclusive. */
    List<CareAlert> findPage(@Param("scope") CallerScope scope, @Param("filter") CareAlertFilter filter, @Param("beforeId") Long beforeId,
                             @Param("limit") int limit);

    long count(@Param("scope") CallerScope scope, @Param("filter") CareAlertFilter filter);

    /** OPEN to ACKNOWLEDGED; 0 when it was not open. */
    int acknowledge(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    /** To CLOSED with the outcome (acknowledging it on the way if still open); 0 when it was closed already. */
    int close(@Param("id") long id, @Param("outcome") String outcome, @Param("by") String by, @Param("at") Instant at);

    void insertFollowUp(@Param("alertId") long alertId, @Param("note") String note, @Param("by") String by, @Param("at") Instant at);

    List<CareAlertFollowUp> findFollowUpsOf(@Param("alertIds") Collection<Long> alertIds);

    /**
     * Diners who live alone or are 80 or older on {@code today}, active, who ate at least {@code usualMeals} standing
     * meals in the four weeks before {@code quietFrom}, and have had no standing meal and no live booking from
     * {@code quietFrom} to {@code today}.
     */
    List<Long> findStoppedEating(@Param("today") LocalDate today, @Param("quietFrom") LocalDate quietFrom,
                                 @Param("usualFrom") LocalDate usualFrom, @Param("usualMeals") int usualMeals,
                                 @Param("eightyBornBy") LocalDate eightyBornBy);

    /**
     * Active diners with a live booking made by a recurring booking on each of the two days, and no standing meal at
     * any site on either.
     */
    List<Long> findRecurringNotServed(@Param("first") LocalDate first, @Param("second") LocalDate second);

    record NewAlert(long dinerId, CareAlertKind kind, String detail, Long stopId, String raisedBy, Instant raisedAt) {
    }
}
