package org.zhucan.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.ServerPrepared;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

@Mapper
interface BookingMapper {

    /** Makes sure the slot's seat counter exists; takes the counter row's lock for the rest of the transaction. */
    void ensureSeatCounter(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    /** Takes a dine-in seat if one is free: 1 when taken, 0 when the slot is full. */
    int takeSeat(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    int releaseSeat(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    Integer findSeatsTaken(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    void ensureQuotaCounter(@Param("menuId") long menuId, @Param("ref") String ref);

    /** Takes portions within the quota: 1 when taken, 0 when sold out. */
    int takeQuota(@Param("menuId") long menuId, @Param("ref") String ref, @Param("quantity") int quantity, @Param("quota") int quota);

    int releaseQuota(@Param("menuId") long menuId, @Param("ref") String ref, @Param("quantity") int quantity);

    List<QuotaTaken> findQuotaTaken(@Param("menuId") long menuId);

    void insert(@Param("key") GeneratedKey key, @Param("b") NewBooking booking, @Param("at") Instant at);

    void insertItems(@Param("bookingId") long bookingId, @Param("items") List<BookingItem> items);

    Booking findById(@Param("id") long id);

    Booking findByIdForUpdate(@Param("id") long id);

    List<Booking> findByIds(@Param("ids") Collection<Long> ids);

    List<BookingItem> findItemsOf(@Param("bookingIds") Collection<Long> bookingIds);

    /** Newest meal date first; {@code afterDate}/{@code afterId} is the keyset position (exclusive). */
    List<Booking> findPageOfDiners(@Param("dinerIds") Collection<Long> dinerIds, @Param("from") LocalDate from, @Param("to") LocalDate to,
                                   @Param("status") BookingStatus status, @Param("afterDate") LocalDate afterDate,
                                   @Param("afterId") Long afterId, @Param("limit") int limit);

    long countOfDiners(@Param("dinerIds") Collection<Long> dinerIds, @Param("from") LocalDate from, @Param("to") LocalDate to,
                       @Param("status") BookingStatus status);

    /** Live (not cancelled) bookings of a site, date and slot, by pickup code. */
    List<Booking> findLiveAt(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    List<Booking> findLiveAtSites(@Param("siteIds") java.util.Collection<Long> siteIds, @Param("date") LocalDate date,
                                  @Param("slot") MealSlot slot);

    List<ItemCountRow> countItemsAt(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    List<FulfilmentCountRow> countFulfilmentsAt(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    int cancel(@Param("id") long id, @Param("version") int version, @Param("by") String by, @Param("reason") String reason,
               @Param("at") Instant at);

    /** BOOKED bookings whose slot ended at or before {@code now} (Shanghai wall-clock) become NO_SHOW. */
    int markNoShows(@Param("now") LocalDateTime nowInShanghai, @Param("at") Instant at);

    List<NoShowRow> findRepeatedNoShows(@Param("operatorId") long operatorId, @Param("regionPath") String regionPath, @Param("since") LocalDate since,
                                        @Param("atLeast") int atLeast);

    /** Live BOOKED bookings a recurring booking made between two dates. */
    List<Booking> findBookedOfRecurring(@Param("recurringId") long recurringId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** The BOOKED bookings of a diner dated on or after a day, earliest first. */
    List<Booking> findBookedOfDinerFrom(@Param("dinerId") long dinerId, @Param("from") LocalDate from);

    /**
     * The booking with a pickup code at a site, date and slot, whatever its status (the code is unique there), as the counter
     * reads it to serve ({@link CounterBookingRow}): the counter's one read of what it serves. Prepared on the server: about
     * 3 KB of constant text, on every served booking.
     */
    @ServerPrepared
    CounterBookingRow findForCounterByPickupCode(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot,
                                                 @Param("code") String code);

    /** A booking by id as the counter reads it, likewise. */
    @ServerPrepared
    CounterBookingRow findForCounterById(@Param("id") long id);

    /** BOOKED or NO_SHOW becomes SERVED, each at the version it was read at when that is given; the count of bookings that were. */
    int markAllServed(@Param("serves") Collection<CounterBookings.Serve> serves, @Param("at") Instant at);

    /** The booking's version moves on: its payments changed. */
    int touch(@Param("id") long id, @Param("at") Instant at);

    /** SERVED goes back to BOOKED (its meal record was voided); the no-show job ends it if its slot is over. */
    int unmarkServed(@Param("id") long id, @Param("at") Instant at);

    /** Per slot: live bookings, served ones and no-shows of a site's day. */
    List<SiteAttendance> countAttendance(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from,
                                                        @Param("to") LocalDate to);

    List<SlotDayCounts> countDay(@Param("siteId") long siteId, @Param("date") LocalDate date);

    record NewBooking(long dinerId, long siteId, long menuId, LocalDate date, MealSlot slot, Fulfilment fulfilment,
                      String deliveryAddressEncrypted, String deliveryAddressMasked, Money deliveryFee, Money price, Money subsidy,
                      Money dinerPays, Long policyId, String quoteJson, String pickupCode, String bookedBy, Long recurringBookingId,
                      BookingChannel channel, String callReference) {

        /** The row as {@link #insert} stored it at that instant (microseconds), under its generated id: what reading it back would give. */
        Booking stored(long id, Instant at) {
            return new Booking(id, dinerId, siteId, menuId, date, slot, fulfilment, deliveryAddressEncrypted, deliveryAddressMasked, deliveryFee,
                    price, subsidy, dinerPays, policyId, quoteJson, BookingStatus.BOOKED, pickupCode, bookedBy, recurringBookingId, at, null, null,
                    null, 0, channel, callReference);
        }
    }

    record QuotaTaken(String ref, int taken) {
    }

    record ItemCountRow(Long dishId, String setMealName, String name, int quantity) {
    }

    record FulfilmentCountRow(Fulfilment fulfilment, int count) {
    }

    record NoShowRow(long dinerId, int noShows, LocalDate lastNoShowOn) {
    }

}
