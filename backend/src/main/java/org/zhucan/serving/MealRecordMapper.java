package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.RoundTrips;
import org.zhucan.common.sql.ServerPrepared;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.FundingSource;

@Mapper
interface MealRecordMapper {

    /** Takes the site's upload lock (creating its row the first time) until the transaction ends. */
    void lockUploads(@Param("siteId") long siteId);

    /** One record, its key receiving its id; many go as a batch through {@link org.zhucan.common.sql.BatchedStatements}. */
    void insertRecord(KeyedRecord record);

    /** Items of records added to a round trip, one statement however many (none: nothing added). */
    default void insertItems(List<MealRecordItem> items, RoundTrips.Trip trip) {
        if (!items.isEmpty()) {
            trip.add(MealRecordMapper.class, "insertItemsOf", Map.of("items", JsonRows.items(items)));
        }
    }

    /** {@link #insertItems} as one JSON array, which the statement reads as a table (JSON_TABLE); sent as text with the trip's others. */
    void insertItemsOf(@Param("items") String items);

    /** Shares of records, one statement however many (none: nothing sent). */
    default void insertShares(List<RecordShare> shares) {
        if (!shares.isEmpty()) {
            insertSharesOf(JsonRows.shares(shares));
        }
    }

    /** Shares of records added to a round trip, one statement however many (none: nothing added). */
    default void insertShares(List<RecordShare> shares, RoundTrips.Trip trip) {
        if (!shares.isEmpty()) {
            trip.add(MealRecordMapper.class, "insertSharesOf", Map.of("shares", JsonRows.shares(shares)));
        }
    }

    /** {@link #insertShares} as one JSON array, which the statement reads as a table (JSON_TABLE); a reversal's alone is prepared on the server. */
    @ServerPrepared
    void insertSharesOf(@Param("shares") String shares);

    /** Meals' flags added to a round trip, one statement however many (none: nothing added). */
    default void insertFlags(List<RecordFlag> flags, Instant at, RoundTrips.Trip trip) {
        if (!flags.isEmpty()) {
            trip.add(MealRecordMapper.class, "insertFlags", Map.of("flags", flags, "at", at));
        }
    }

    /** Meals' flags, created at {@code at}: sent by {@link #insertFlags(List, Instant, RoundTrips.Trip)}. */
    void insertFlags(@Param("flags") List<RecordFlag> flags, @Param("at") Instant at);

    /** {@link #insertFlagsIfAbsent(List, Instant)} added to a round trip (none: nothing added). */
    default void insertFlagsIfAbsent(List<RecordFlag> flags, Instant at, RoundTrips.Trip trip) {
        if (!flags.isEmpty()) {
            trip.add(MealRecordMapper.class, "insertFlagsIfAbsent", Map.of("flags", flags, "at", at));
        }
    }

    /** Flags other records already standing, each unless it has a flag of that code (e.g. the other half of a two-sites pair). */
    void insertFlagsIfAbsent(@Param("flags") List<RecordFlag> flags, @Param("at") Instant at);

    /** The standing meals of some diners between two dates: what their subsidy limits, second meals and two-site checks count. */
    List<MealRecord> findStandingMealsOf(@Param("dinerIds") Collection<Long> dinerIds, @Param("from") LocalDate from,
                                         @Param("to") LocalDate to);

    /** The standing meals of some diners served at or after an instant, newest served first. */
    List<MealRecord> findStandingMealsServedSince(@Param("dinerIds") Collection<Long> dinerIds, @Param("fromDate") LocalDate fromDate,
                                                  @Param("since") Instant since);


    /** Sets reversed_by_id once: 0 when another reversal got there first. */
    int markReversed(@Param("id") long id, @Param("reversalId") long reversalId);

    MealRecord findById(@Param("id") long id);

    MealRecord findByIdForUpdate(@Param("id") long id);

    /** The replacement a correction added for a record, if any. */
    MealRecord findCorrectionOf(@Param("id") long id);

    List<MealRecord> findByIds(@Param("ids") Collection<Long> ids);

    List<MealRecord> findByClientRecordIds(@Param("siteId") long siteId, @Param("clientIds") Collection<String> clientRecordIds);

    /** Subsidised standing meals of a diner in a month: that day, that day's slot, and the month's subsidy. */
    UsageRow usage(@Param("dinerId") long dinerId, @Param("date") LocalDate date, @Param("slot") MealSlot slot,
                   @Param("monthStart") LocalDate monthStart, @Param("monthEnd") LocalDate monthEnd);



    /**
     * Takes the diners' rows until the transaction ends, in id order, with their standing meals between two dates, as they
     * stand (see MealRecordMapper.xml): every write of a diner's meal records takes the row first. A diner without
     * standing meals in the range comes as one null.
     */
    List<MealRecord> takeDinersWithStandingMeals(@Param("dinerIds") Collection<Long> dinerIds, @Param("from") LocalDate from,
                                                 @Param("to") LocalDate to);

    /** {@link #takeDinersWithStandingMeals} without the meals: the diners' ids. */
    List<Long> takeDiners(@Param("dinerIds") Collection<Long> dinerIds);

    /** Creates the day usage rows that are missing, from the diners' standing records of the day. */
    void createDayUsage(@Param("keys") List<DayKey> keys);

    /**
     * Claims days' meals and months' subsidy in one statement, its claims as one JSON array ({@link JsonRows#usageClaims})
     * read as a table (JSON_TABLE), a missing row created from what the claim says the standing records hold; a claim
     * over its limit writes -1, which ck_diner_subsidy_usage_meals or ck_diner_subsidy_usage_amount refuses, so the
     * statement fails and changes nothing. Sent by {@link #claimUsage}.
     */
    void claimUsageOf(@Param("claims") String claims);

    /** Claims added to a round trip, one statement however many (none: nothing added); see {@link #claimUsageOf}. */
    default void claimUsage(List<UsageClaim> claims, RoundTrips.Trip trip) {
        if (!claims.isEmpty()) {
            trip.add(MealRecordMapper.class, "claimUsageOf", Map.of("claims", JsonRows.usageClaims(claims)));
        }
    }

    /** Gives a voided meal's day and subsidy back; how many rows gave (2, or fewer when they did not hold it). */
    int giveBackUsage(@Param("dinerId") long dinerId, @Param("date") LocalDate date, @Param("monthStart") LocalDate monthStart,
                      @Param("amountFen") long amountFen);

    /** What the usage rows hold for a diner's day and its month (0 where a row is missing). */
    UsageRow heldUsage(@Param("dinerId") long dinerId, @Param("date") LocalDate date, @Param("monthStart") LocalDate monthStart);

    List<MealRecord> findPage(@Param("f") RecordQuery query, @Param("scope") CallerScope scope, @Param("afterId") Long afterId,
                              @Param("limit") int limit);

    long count(@Param("f") RecordQuery query, @Param("scope") CallerScope scope);

    List<MealRecordItem> findItemsOf(@Param("ids") Collection<Long> recordIds);

    List<MealRecordFlag> findFlagsOf(@Param("ids") Collection<Long> recordIds);

    List<MealRecordFlag> findFlagPage(@Param("f") FlagQuery query, @Param("scope") CallerScope scope, @Param("after") FlagKey after,
                                      @Param("limit") int limit);

    long countFlags(@Param("f") FlagQuery query, @Param("scope") CallerScope scope);

    /** Per slot of a site's day: standing walk-ins and the subsidy of every record (reversals included). */
    List<DayTotalRow> dayTotals(@Param("siteId") long siteId, @Param("date") LocalDate date);

    /** Per site, operator, date and slot with a meal served in the range, by date, site and slot. */
    List<ServedSlot> servedSlots(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Per date with a record in the range, over these sites. */
    List<ServedDay> servedDays(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    record NewMealRecord(MealRecordKind kind, MealRecordOrigin origin, long siteId, long operatorId, long dinerId, LocalDate date, MealSlot slot,
                         Instant servedAt, Long bookingId, VerificationMethod verification, String verificationNote, Money price,
                         Money subsidy, Money dinerPays, Long policyId, String dinerCategory, String quoteJson, boolean secondMeal,
                         String clientRecordId, String clientHash, Long reversesId, Long correctsId, String reason, String recordedBy,
                         Instant recordedAt) {

        /** The record as stored under its new id, without reading it back. */
        MealRecord stored(long id) {
            return new MealRecord(id, kind, origin, siteId, operatorId, dinerId, date, slot, servedAt, bookingId, verification, verificationNote, price,
                    subsidy, dinerPays, policyId, dinerCategory, quoteJson, secondMeal, clientRecordId, clientHash, reversesId, correctsId,
                    null, reason, recordedBy, recordedAt);
        }
    }

    /**
     * A record's row and the id the database gives it ({@link #insertRecord}); a class, not a record,
     * because MyBatis sets generated keys only through a property it can write.
     */
    final class KeyedRecord {

        private final NewMealRecord r;
        private Long id;

        KeyedRecord(NewMealRecord row) {
            this.r = row;
        }

        NewMealRecord r() {
            return r;
        }

        long id() {
            if (id == null) {
                throw new IllegalStateException("the insert generated no key");
            }
            return id;
        }
    }

    record RecordShare(long recordId, FundingSource source, long amountFen) {
    }

    record RecordFlag(long recordId, MealRecordFlagCode code, String detail, Long relatedId) {

        /** The same flag on a record that now has its id. */
        RecordFlag of(long id) {
            return new RecordFlag(id, code, detail, relatedId);
        }
    }

    record UsageRow(int mealsToday, int mealsThisSlot, long subsidyThisMonthFen) {
    }

    record MonthKey(long dinerId, LocalDate monthStart) {
    }

    record DayKey(long dinerId, LocalDate date) {
    }

    /**
     * A claim on a usage row: meals added to a diner's day ('D') within the policy's meals per day,
     * or subsidy added to the diner's month ('M', starting on its first day) within the monthly cap (null: uncapped).
     * {@code standing} is what the diner's standing records hold for the period (the day's subsidised meals, or the
     * month's subsidy in fen), as the writer read them with the diner's row taken: a missing row starts from it.
     */
    record UsageClaim(long dinerId, String period, LocalDate periodStart, int meals, Integer mealsLimit, long subsidyFen, Long capFen,
                      long standing) {

        static UsageClaim day(long dinerId, LocalDate date, int meals, int limit, long standingMeals) {
            return new UsageClaim(dinerId, "D", date, meals, limit, 0, null, standingMeals);
        }

        static UsageClaim month(long dinerId, LocalDate monthStart, long subsidyFen, Long capFen, long standingFen) {
            return new UsageClaim(dinerId, "M", monthStart, 0, null, subsidyFen, capFen, standingFen);
        }
    }

    record DayTotalRow(MealSlot slot, int walkIns, long subsidyFen) {
    }

    /** A list's filter; the caller's scope is passed beside it. */
    record RecordQuery(Long siteId, Long operatorId, Long dinerId, LocalDate from, LocalDate to, MealSlot slot, MealRecordKind kind,
                       boolean flaggedOnly) {
    }

    record FlagQuery(LocalDate from, LocalDate to, Long siteId, Long operatorId, List<MealRecordFlagCode> codes, int proxyThresholdPercent) {
    }

    /** A flag's place in the list: date, site, code, record (0 for a site's day). */
    record FlagKey(LocalDate date, long siteId, String code, long recordId) {
    }
}
