package org.zhucan.diner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.ServerPrepared;

@Mapper
interface DinerMapper {

    Diner findById(@Param("id") long id, @Param("scope") CallerScope scope);

    /** By name then id; {@code afterName}/{@code afterId} is the keyset position (exclusive). */
    List<Diner> findPage(@Param("query") DinerQuery query, @Param("scope") CallerScope scope, @Param("afterName") String afterName,
                         @Param("afterId") Long afterId, @Param("limit") int limit);

    long count(@Param("query") DinerQuery query, @Param("scope") CallerScope scope);

    boolean existsByIdNumberHash(@Param("hash") String hash);

    Long findIdByIdNumberHash(@Param("hash") String hash);

    /** The status in effect on the day, from the status history; null before the diner was registered. */
    /** Each diner's status on a date, for many diners in one statement; diners with no status then are absent. */
    List<StatusOn> findStatusesOn(@Param("ids") Collection<Long> dinerIds, @Param("date") LocalDate date);

    record StatusOn(long dinerId, DinerStatus status) {
    }

    /** Diners' facts on a date in one statement, as far as the scope reaches; see {@link DinerService#quoteFactsOn}. */
    List<QuoteFactsRow> findQuoteFactsOn(@Param("ids") Collection<Long> dinerIds, @Param("date") LocalDate date,
                                         @Param("scope") CallerScope scope);

    /** {@link #findQuoteFactsOn} for one diner, for a caller whose scope is {@link CallerScope#ALL}; null when there is none. */
    @ServerPrepared
    QuoteFactsRow findQuoteFactsOfOne(@Param("id") long dinerId, @Param("date") LocalDate date);

    /**
     * {@link #findQuoteFactsOn} for a caller whose scope is {@link CallerScope#ALL}, the diners' ids given as one JSON array of
     * numbers: one statement text whatever their number, prepared on the server once a connection.
     */
    default List<QuoteFactsRow> findQuoteFactsOfAll(Collection<Long> dinerIds, LocalDate date) {
        StringBuilder ids = new StringBuilder(dinerIds.size() * 8).append('[');
        for (Long id : dinerIds) {
            ids.append(ids.length() > 1 ? "," : "").append(id.longValue());
        }
        return findQuoteFactsOfIds(ids.append(']').toString(), date);
    }

    /** {@link #findQuoteFactsOfAll} with its ids as a JSON array of numbers, which the statement reads as a table (JSON_TABLE). */
    @ServerPrepared
    List<QuoteFactsRow> findQuoteFactsOfIds(@Param("ids") String dinerIdsJson, @Param("date") LocalDate date);

    String findIdNumberEncrypted(@Param("id") long id);

    void insert(@Param("key") GeneratedKey key, @Param("name") String name, @Param("idNumberEncrypted") String idNumberEncrypted,
                @Param("idNumberHash") String idNumberHash, @Param("idNumberMasked") String idNumberMasked,
                @Param("birthDate") LocalDate birthDate, @Param("sex") IdNumber.Sex sex, @Param("phoneEncrypted") String phoneEncrypted,
                @Param("phoneMasked") String phoneMasked, @Param("homeCommunityId") long homeCommunityId,
                @Param("address") String address, @Param("dietaryNotes") String dietaryNotes, @Param("allergies") String allergies,
                @Param("dietNeeds") String dietNeeds, @Param("statusSince") LocalDate statusSince, @Param("at") Instant at);

    int update(@Param("id") long id, @Param("version") int version, @Param("name") String name,
               @Param("phoneEncrypted") String phoneEncrypted, @Param("phoneMasked") String phoneMasked, @Param("phoneChanged") boolean phoneChanged,
               @Param("homeCommunityId") long homeCommunityId, @Param("address") String address,
               @Param("dietaryNotes") String dietaryNotes, @Param("allergies") String allergies, @Param("dietNeeds") String dietNeeds,
               @Param("at") Instant at);

    /** Sets a diner's allergies and diet needs (SET codes), if the version is still the one read; 0 when not. */
    int updateDiet(@Param("id") long id, @Param("version") int version, @Param("allergies") String allergies,
                   @Param("dietNeeds") String dietNeeds, @Param("at") Instant at);

    int updateStatus(@Param("id") long id, @Param("version") int version, @Param("status") DinerStatus status,
                     @Param("since") LocalDate since, @Param("at") Instant at);

    void insertStatusChange(@Param("dinerId") long dinerId, @Param("from") DinerStatus from, @Param("to") DinerStatus to,
                            @Param("effectiveOn") LocalDate effectiveOn, @Param("reason") String reason,
                            @Param("changedBy") String changedBy, @Param("at") Instant at);

    /** Serialises changes to one diner's categories. */
    Long lockForUpdate(@Param("id") long id);

    int supersedeCategories(@Param("ids") Collection<Long> ids, @Param("by") String by, @Param("at") Instant at);

    void insertCategories(@Param("dinerId") long dinerId, @Param("categories") Collection<DinerCategoryEntry> categories,
                          @Param("source") CategorySource source, @Param("sourceRef") String sourceRef, @Param("by") String by,
                          @Param("at") Instant at);

    /** The current entries (not superseded). */
    List<DinerCategoryEntry> findCategoriesOf(@Param("dinerIds") Collection<Long> dinerIds);

    /** Every version, superseded ones too, in the order recorded. */
    List<DinerCategoryEntry> findCategoryHistoryOf(@Param("dinerIds") Collection<Long> dinerIds);

    void insertAssessment(@Param("dinerId") long dinerId, @Param("level") int level, @Param("assessedOn") LocalDate assessedOn,
                          @Param("assessor") String assessor, @Param("recordedBy") String recordedBy, @Param("at") Instant at);

    List<AbilityAssessment> findAssessmentsOf(@Param("dinerIds") Collection<Long> dinerIds);

    /** Each diner's latest assessment made on or before the date (the later id on a tie); diners with none are absent. */
    List<AbilityAssessment> findLatestAssessmentsOn(@Param("dinerIds") Collection<Long> dinerIds, @Param("date") LocalDate date);

    /** The ACTIVE diners living in the region's subtree, within the caller's scope, each with its latest assessment as of the date. */
    List<StandingRow> findAssessmentStandings(@Param("regionPath") String regionPath, @Param("date") LocalDate date,
                                              @Param("scope") CallerScope scope);

    /** The categories held on the date by the ACTIVE diners living in the region's subtree, within the caller's scope. */
    List<DinerCategoryEntry> findCategoriesHeldIn(@Param("regionPath") String regionPath, @Param("date") LocalDate date,
                                                  @Param("scope") CallerScope scope);

    record StandingRow(long dinerId, String homeCode, Long assessmentId, Integer level, LocalDate assessedOn, String assessor) {
    }

    /** Oldest first. */
    List<DinerStatusChange> findStatusChangesOf(@Param("dinerIds") Collection<Long> dinerIds);

    /** The filter of the diner list, resolved: a region becomes its path, an ID number its hash. */
    record DinerQuery(String regionPath, DinerCategory category, LocalDate categoryOn, DinerStatus status, String name,
                      String idNumberHash) {
    }

    List<Diner> findByIds(@Param("ids") Collection<Long> ids, @Param("scope") CallerScope scope);
}
