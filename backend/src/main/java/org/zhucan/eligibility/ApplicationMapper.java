package org.zhucan.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface ApplicationMapper {

    SubsidyApplication findById(@Param("id") long id, @Param("scope") CallerScope scope);

    SubsidyApplication findByNumber(@Param("number") String number);

    /** Newest first; {@code afterId} is the keyset position (exclusive). */
    List<SubsidyApplication> findPage(@Param("query") ApplicationQuery query, @Param("scope") CallerScope scope,
                                      @Param("afterId") Long afterId, @Param("limit") int limit);

    long count(@Param("query") ApplicationQuery query, @Param("scope") CallerScope scope);

    /** What a list asks for: statuses, a diner, a region's materialised path; null parts do not narrow. */
    record ApplicationQuery(List<ApplicationStatus> statuses, Long dinerId, String regionPath) {
    }

    /** The applications of these diners in the caller's scope, newest first. */
    List<SubsidyApplication> findOfDiners(@Param("dinerIds") Collection<Long> dinerIds, @Param("scope") CallerScope scope);

    List<ClaimedCategory> findClaimsOf(@Param("ids") Collection<Long> applicationIds);

    /** The claims of the diner's applications that are still open: under review or in publicity. */
    List<ClaimedCategory> findOpenClaimsOfDiner(@Param("dinerId") long dinerId);

    List<ApplicationEvent> findEventsOf(@Param("ids") Collection<Long> applicationIds);

    List<Objection> findObjectionsOf(@Param("ids") Collection<Long> applicationIds);

    /** Serialises submissions for one diner, so that two identical claims cannot both pass the duplicate check. */
    Long lockDiner(@Param("dinerId") long dinerId);

    void insert(@Param("key") GeneratedKey key, @Param("dinerId") long dinerId, @Param("communityId") long communityId,
                @Param("nameMasked") String nameMasked, @Param("channel") ApplicationChannel channel,
                @Param("callReference") String callReference, @Param("note") String note, @Param("by") String by, @Param("at") Instant at);

    void setNumber(@Param("id") long id, @Param("number") String number);

    void insertClaims(@Param("applicationId") long applicationId, @Param("claims") List<ClaimedCategoryInput> claims);

    void insertEvent(@Param("applicationId") long applicationId, @Param("kind") ApplicationEventKind kind, @Param("from") ApplicationStatus from,
                     @Param("to") ApplicationStatus to, @Param("actor") String actor, @Param("at") Instant at, @Param("reason") String reason);

    /** UNDER_REVIEW → IN_PUBLICITY at this version; 0 when it changed meanwhile. */
    int approve(@Param("id") long id, @Param("version") int version, @Param("by") String by, @Param("at") Instant at,
                @Param("reason") String reason, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** UNDER_REVIEW → REJECTED at this version; 0 when it changed meanwhile. */
    int reject(@Param("id") long id, @Param("version") int version, @Param("by") String by, @Param("at") Instant at,
               @Param("reason") String reason);

    /** IN_PUBLICITY → UNDER_REVIEW while the period has not ended on {@code today}; 0 otherwise. */
    int reopen(@Param("id") long id, @Param("today") LocalDate today);

    void insertObjection(@Param("applicationId") long applicationId, @Param("reason") String reason,
                         @Param("contactEncrypted") String contactEncrypted, @Param("contactMasked") String contactMasked,
                         @Param("by") String by, @Param("at") Instant at, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Applications whose publicity period ended before {@code today}, oldest first, at most {@code limit}. */
    List<Long> findDueIds(@Param("today") LocalDate today, @Param("limit") int limit);

    /** IN_PUBLICITY → EFFECTIVE when the period ended before {@code today}: the claim of one job run; 0 when another took it. */
    int claimEffective(@Param("id") long id, @Param("today") LocalDate today, @Param("at") Instant at);

    /** The diner's open applications (under review or in publicity), locked until the transaction ends. */
    List<SubsidyApplication> lockOpenOfDiner(@Param("dinerId") long dinerId);

    /** An open application → LAPSED (its diner left for good); 0 when it was no longer open. */
    int lapse(@Param("id") long id);

    /** Applications in their publicity period on {@code today}, by id; {@code regionPath} narrows to a subtree. */
    List<Publicity> findPublicities(@Param("today") LocalDate today, @Param("regionPath") String regionPath,
                                    @Param("afterId") Long afterId, @Param("limit") int limit);

    long countPublicities(@Param("today") LocalDate today, @Param("regionPath") String regionPath);
}
