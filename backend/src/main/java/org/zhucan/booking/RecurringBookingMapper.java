package org.zhucan.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

@Mapper
interface RecurringBookingMapper {

    void insert(@Param("key") GeneratedKey key, @Param("dinerId") long dinerId, @Param("siteId") long siteId, @Param("slot") MealSlot slot,
                @Param("fulfilment") Fulfilment fulfilment, @Param("weekdays") String weekdays, @Param("startsOn") LocalDate startsOn,
                @Param("endsOn") LocalDate endsOn, @Param("setMealName") String setMealName,
                @Param("addressEncrypted") String addressEncrypted, @Param("addressMasked") String addressMasked,
                @Param("createdBy") String createdBy, @Param("at") Instant at);

    Row findById(@Param("id") long id);

    /** A diner's recurring bookings in the caller's scope: with an operator, only those at its sites. */
    List<Row> findOfDiner(@Param("dinerId") long dinerId, @Param("scope") CallerScope scope);

    /** Those still running on or after the date. */
    List<Row> findRunningOn(@Param("date") LocalDate date);

    /** Ends it on the day given (on its first day, when it starts later); 0 when it ended by then already. */
    int endOn(@Param("id") long id, @Param("day") LocalDate day);

    void insertPause(@Param("recurringId") long recurringId, @Param("from") LocalDate from, @Param("to") LocalDate to,
                     @Param("reason") String reason, @Param("createdBy") String createdBy, @Param("at") Instant at);

    List<RecurringBooking.Pause> findPausesOf(@Param("ids") Collection<Long> ids);

    /** Makes the day's row if missing and locks it for the transaction. */
    void claimDay(@Param("recurringId") long recurringId, @Param("date") LocalDate date, @Param("at") Instant at);

    Long findDayBookingIdForUpdate(@Param("recurringId") long recurringId, @Param("date") LocalDate date);

    void setDayBooking(@Param("recurringId") long recurringId, @Param("date") LocalDate date, @Param("bookingId") long bookingId,
                       @Param("at") Instant at);

    /** Notes why a day was not booked, unless it was booked meanwhile. */
    void recordSkip(@Param("recurringId") long recurringId, @Param("date") LocalDate date, @Param("code") String code,
                    @Param("message") String message, @Param("at") Instant at);

    /** Dates already booked, from a date on. */
    List<RecurringBooking.SkippedDay> findBookedDays(@Param("ids") Collection<Long> ids, @Param("from") LocalDate from);

    List<RecurringBooking.SkippedDay> findSkippedDaysOf(@Param("ids") Collection<Long> ids);

    /** A recurring booking as stored; weekdays as a comma-separated list of names. */
    record Row(long id, long dinerId, long siteId, MealSlot slot, Fulfilment fulfilment, String weekdays, LocalDate startsOn,
               LocalDate endsOn, String setMealName, String deliveryAddressEncrypted, String deliveryAddressMasked, String createdBy) {
    }
}
