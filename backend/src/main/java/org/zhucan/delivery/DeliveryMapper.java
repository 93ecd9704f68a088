package org.zhucan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.MealSlot;

@Mapper
interface DeliveryMapper {

    void upsertHomeLocation(@Param("dinerId") long dinerId, @Param("encrypted") String encrypted, @Param("by") String by, @Param("at") Instant at);

    List<HomeLocationRow> findHomeLocations(@Param("dinerIds") Collection<Long> dinerIds);

    void insertRun(@Param("r") NewRun run, @Param("key") GeneratedKey key);

    void insertStops(@Param("stops") List<NewStop> stops);

    DeliveryRun findRun(@Param("id") long id);

    List<DeliveryRun> findRunsAt(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    /** Takes the site row for planning, so that two planners of its slots plan one after the other (no booking is on two runs). */
    Integer lockSlot(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    List<Long> findPlannedBookingIds(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    List<DeliveryStop> findStopsOfRuns(@Param("runIds") Collection<Long> runIds);

    DeliveryStop findStop(@Param("id") long id);

    void updatePosition(@Param("stopId") long stopId, @Param("position") int position);

    /** Confirms a PENDING stop; 0 when it was confirmed meanwhile. */
    int confirm(@Param("c") Confirmation confirmation);

    List<MinutesRow> confirmedStopsOfVolunteers(@Param("volunteerIds") Collection<Long> volunteerIds);

    record HomeLocationRow(long dinerId, String encrypted) {
    }

    record NewRun(long siteId, LocalDate date, MealSlot slot, String courierUsername, Long volunteerId, int capacity, String createdBy,
                  Instant createdAt) {
    }

    record NewStop(long runId, long bookingId, long dinerId, int position, String pickupCode) {
    }

    record Confirmation(long stopId, StopStatus status, Instant confirmedAt, String confirmedBy, Integer distanceMetres, String positionReason,
                        boolean pickupCodeGiven, String photoRef, FailureReason failureReason, String failureNote, Wellness wellness,
                        String wellnessNote, Long mealRecordId) {
    }

    record MinutesRow(long volunteerId, long stops) {
    }
}
