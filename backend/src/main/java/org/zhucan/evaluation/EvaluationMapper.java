package org.zhucan.evaluation;

import java.time.Instant;
import java.time.LocalDate;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EvaluationMapper {

    /** The weights in force in the month starting on {@code monthStart}: the latest effective by then. */
    EvaluationWeights findInForce(@Param("districtId") long districtId, @Param("monthStart") LocalDate monthStart);

    EvaluationWeights findExact(@Param("districtId") long districtId, @Param("monthStart") LocalDate monthStart);

    void upsert(@Param("w") EvaluationWeightsInput weights, @Param("monthStart") LocalDate monthStart, @Param("setBy") String setBy,
                @Param("at") Instant at);
}
