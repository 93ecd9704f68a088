package org.zhucan.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;

/** Visits and volunteers. */
@Mapper
interface CareMapper {

    /** The materialised path of the diner's home community; null for an unknown diner. */
    String dinerCommunityPath(@Param("dinerId") long dinerId);

    void insertVisit(@Param("v") NewVisit visit, @Param("key") GeneratedKey key);

    Visit findVisit(@Param("id") long id);

    /** The visits of the diners, newest first, in scope. */
    List<Visit> findVisitsOf(@Param("scope") CallerScope scope, @Param("dinerIds") Collection<Long> dinerIds);

    /** Per community under the region path: active diners on the month's last day and those visited in the month. */
    List<CommunityVisitRate> visitRates(@Param("regionPath") String regionPath, @Param("from") LocalDate from, @Param("to") LocalDate to,
                                        @Param("target") int target);

    void insertVolunteer(@Param("v") NewVolunteer volunteer, @Param("key") GeneratedKey key);

    Volunteer findVolunteer(@Param("id") long id);

    List<Volunteer> findVolunteersByIds(@Param("ids") Collection<Long> ids);

    List<Volunteer> findVolunteers(@Param("scope") CallerScope scope, @Param("afterId") Long afterId, @Param("limit") int limit);

    long countVolunteers(@Param("scope") CallerScope scope);

    List<MinutesRow> visitMinutesOf(@Param("volunteerIds") Collection<Long> volunteerIds);

    record NewVisit(long dinerId, LocalDate visitedOn, String visitor, Long volunteerId, int minutes, VisitOutcome outcome, String note,
                    String recordedBy, Instant recordedAt) {
    }

    record NewVolunteer(String name, String phoneEncrypted, String phoneMasked, long regionId, String username, String registeredBy,
                        Instant registeredAt) {
    }

    record MinutesRow(long volunteerId, long minutes) {
    }
}
