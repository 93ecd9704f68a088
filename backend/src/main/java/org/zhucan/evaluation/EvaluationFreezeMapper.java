package org.zhucan.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The closed months of evaluation and their frozen rows (evaluation_close, frozen_evaluation). */
@Mapper
interface EvaluationFreezeMapper {

    ClosedMonth findClose(@Param("districtId") long districtId, @Param("month") LocalDate month);

    /** Fails with a duplicate key when the month is already closed (by this or another instance). */
    void insertClose(@Param("c") ClosedMonth close);

    void insertFrozen(@Param("districtId") long districtId, @Param("month") LocalDate month, @Param("rows") List<FrozenRow> rows);

    /** Best first, unranked last. */
    List<FrozenRow> findFrozen(@Param("districtId") long districtId, @Param("month") LocalDate month);

    /** Of the months given, those the district has closed, each with the operator's frozen score (null when it has none). */
    List<FrozenScore> findFrozenScores(@Param("districtId") long districtId, @Param("operatorId") long operatorId,
                                       @Param("months") List<LocalDate> months);

    record FrozenScore(LocalDate month, BigDecimal score) {
    }

    /** A closed month of a district: the period scored, the weights applied (JSON), who closed it and when. */
    record ClosedMonth(long districtId, LocalDate month, LocalDate scoredFrom, LocalDate scoredTo, String weights, int operatorCount,
                       String closedBy, Instant closedAt) {
    }

    /** One operator's frozen evaluation; metrics as JSON. */
    record FrozenRow(long operatorId, Integer ranking, BigDecimal score, int sites, int mealsServed, String metrics) {
    }
}
