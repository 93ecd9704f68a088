package org.zhucan.foodsafety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.MealSlot;

@Mapper
interface FoodSafetyMapper {

    // ------------------------------------------------------------ inspections

    void insertInspection(@Param("key") GeneratedKey key, @Param("i") NewInspection inspection);

    void insertItems(@Param("inspectionId") long inspectionId, @Param("items") List<InspectionItem> items);

    void insertPhotos(@Param("inspectionId") long inspectionId, @Param("urls") List<String> urls);

    Inspection findInspection(@Param("id") long id);

    List<Inspection> findInspections(@Param("ids") Collection<Long> ids);

    List<Inspection> findInspectionPage(@Param("f") InspectionFilter filter, @Param("scope") CallerScope scope,
                                        @Param("after") DateKey after, @Param("limit") int limit);

    long countInspections(@Param("f") InspectionFilter filter, @Param("scope") CallerScope scope);

    List<InspectionItem> findItemsOf(@Param("ids") Collection<Long> inspectionIds);

    List<PhotoRow> findPhotosOf(@Param("ids") Collection<Long> inspectionIds);

    List<TallyRow> tallyByOperator(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    // ------------------------------------------------------------ sample retention

    SampleRetention findRetentionOfSlot(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    void insertRetention(@Param("key") GeneratedKey key, @Param("r") SampleRetention retention);

    void insertDishes(@Param("dishes") List<SampleRetentionDish> dishes);

    SampleRetention findRetention(@Param("id") long id);

    List<SampleRetention> findRetentionPage(@Param("f") SampleRetentionFilter filter, @Param("scope") CallerScope scope,
                                            @Param("after") DateKey after, @Param("limit") int limit);

    long countRetentions(@Param("f") SampleRetentionFilter filter, @Param("scope") CallerScope scope);

    List<SampleRetentionDish> findDishesOf(@Param("ids") Collection<Long> retentionIds);

    /** The site, date and slot of every log of these sites between the dates: what a served slot is matched against. */
    List<LoggedSlot> loggedSlots(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** The sites in the caller's scope that the filter names (all of them when it names none). */
    List<Long> siteIdsInScope(@Param("f") SampleRetentionFilter filter, @Param("scope") CallerScope scope);

    // ------------------------------------------------------------ rows

    record NewInspection(long siteId, long operatorId, LocalDate inspectedOn, InspectionResult result, String summary,
                         LocalDate followUpDue, Long followsUpId, String inspector, Instant recordedAt) {
    }

    record PhotoRow(long inspectionId, int position, String url) {
    }

    record TallyRow(long operatorId, int passed, int needsRectification, int failed) {
    }

    record LoggedSlot(long siteId, LocalDate date, MealSlot slot) {
    }

    /** A keyset position in a list sorted by a date, then id, both descending. */
    record DateKey(LocalDate date, long id) {

        /** The position after which a page starts, from its cursor (date and id), or null for the first page. */
        static DateKey after(PageRequest page) {
            if (!page.hasAfter()) {
                return null;
            }
            List<String> parts = Cursor.decode(page.after(), 2);
            try {
                return new DateKey(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1)));
            } catch (RuntimeException e) {
                throw new BadRequestException("after is not a cursor returned by this list", "after");
            }
        }
    }
}
