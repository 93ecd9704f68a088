package org.zhucan.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface RectificationMapper {

    /** Inserts the case; a duplicate key when its cause already has one (uq_rectification_case_cause). */
    void insertCase(@Param("key") GeneratedKey key, @Param("c") NewCase newCase);

    void insertStep(@Param("s") NewStep step);

    RectificationCase findCase(@Param("id") long id);

    /** The case, its row locked until the transaction ends: steps on one case take turns. */
    RectificationCase lockCase(@Param("id") long id);

    RectificationCase findByCauseKey(@Param("causeKey") String causeKey);

    /** Moves the case on if it still has the status read; 0 when another step moved it meanwhile. */
    int updateStatus(@Param("id") long id, @Param("from") RectificationStatus from, @Param("to") RectificationStatus to,
                     @Param("due") LocalDate due, @Param("contractId") Long contractId, @Param("at") Instant at);

    int updateReport(@Param("id") long id, @Param("report") String report, @Param("at") Instant at);

    List<RectificationCase> findPage(@Param("f") RectificationCaseFilter filter, @Param("scope") CallerScope scope,
                                     @Param("today") LocalDate today, @Param("afterId") Long afterId, @Param("limit") int limit);

    long count(@Param("f") RectificationCaseFilter filter, @Param("scope") CallerScope scope, @Param("today") LocalDate today);

    /** Whether the case is in the scope: its operator's, or its site's (else its district's) region subtree. */
    boolean inScope(@Param("id") long id, @Param("scope") CallerScope scope);

    List<RectificationStep> findStepsOf(@Param("ids") Collection<Long> caseIds);

    /** The district that holds the community, or null. */
    Long districtOf(@Param("communityId") long communityId);

    record NewCase(long operatorId, long districtId, Long siteId, RectificationCause cause, String causeKey, LocalDate evaluationMonth,
                   BigDecimal score, BigDecimal threshold, Long inspectionId, Instant at) {
    }

    record NewStep(long caseId, StepKind kind, RectificationStatus statusBefore, RectificationStatus statusAfter, String note, LocalDate due,
                   String actor, Instant at) {
    }
}
