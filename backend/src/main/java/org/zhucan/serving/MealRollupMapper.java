package org.zhucan.serving;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.network.MealSlot;

/** The meal roll-ups (V26): marking changed site days, computing them from the records, reading and writing their rows. */
@Mapper
interface MealRollupMapper {

    void mark(@Param("days") List<SiteDay> days, @Param("stamp") long stamp);

    List<Dirty> dirtyIn(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * Up to {@code limit} marks, the oldest days first (a day's marks together); between the dates when they are given,
     * and only those {@code taken} allows when it is given.
     */
    List<Dirty> dirtyBatch(@Param("from") LocalDate from, @Param("to") LocalDate to, @Param("taken") Taken taken, @Param("limit") int limit);

    List<SiteDay> siteDaysBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    List<SlotRow> computeSlots(@Param("days") Collection<SiteDay> days);

    List<DayRow> computeDays(@Param("days") Collection<SiteDay> days);

    List<DayCount> distinctDiners(@Param("siteIds") Collection<Long> siteIds, @Param("dates") Collection<LocalDate> dates);

    /** Served slots (slots with a MEAL record) of the sites: unmarked days from the roll-up, marked ones from their records. */
    List<SlotRow> servedSlots(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Per day with a record at the sites, their figures summed over the sites, counted the same way as {@link #servedSlots}. */
    List<DaySum> servedDays(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    void deleteSlots(@Param("days") Collection<SiteDay> days);

    void deleteDays(@Param("days") Collection<SiteDay> days);

    void insertSlots(@Param("rows") List<SlotRow> rows);

    void insertDays(@Param("rows") List<DayRow> rows);

    int unmark(@Param("days") List<Dirty> days);

    /** The stamps the job takes: below {@code below} (written long enough ago), or from {@code noTimeFrom} on (no time). */
    record Taken(long below, long noTimeFrom) {
    }

    /** A mark of a site day (V41: one per writer, told apart by its stamp). */
    record Dirty(long siteId, LocalDate date, long stamp) {
    }

    /** A row of meal_slot_rollup (or the same figures computed from the records). */
    record SlotRow(long siteId, LocalDate date, MealSlot slot, long operatorId, int mealRecords, int meals, int flaggedMeals, long subsidyFen,
                   long publicSubsidyFen) {
    }

    /** A row of meal_day_rollup. */
    record DayRow(long siteId, LocalDate date, int diners, int dinersElsewhere) {
    }

    /** The roll-up's figures of a day summed over sites. */
    record DaySum(LocalDate date, int meals, int flaggedMeals, long subsidyFen, long publicSubsidyFen, int diners, int dinersElsewhere) {
    }

    record DayCount(LocalDate date, int diners) {
    }
}
