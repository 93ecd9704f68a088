package org.zhucan.evaluation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.settlement.FrozenScores;

/**
 * Answers settlement's {@link FrozenScores} from the closed months (evaluation_close) and their
 * frozen rows, in one statement: settlement may not depend on this package (see the port), so the
 * port is implemented here. No scope check: settlement has checked the caller may generate the
 * statement, and only the statement's own operator and district are asked for.
 */
@Component
class FrozenScoreReader implements FrozenScores {

    private final EvaluationFreezeMapper mapper;

    FrozenScoreReader(EvaluationFreezeMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<YearMonth, Optional<BigDecimal>> of(long districtId, long operatorId, Collection<YearMonth> months) {
        Map<YearMonth, Optional<BigDecimal>> found = new HashMap<>();
        if (months.isEmpty()) {
            return found;
        }
        for (EvaluationFreezeMapper.FrozenScore row : mapper.findFrozenScores(districtId, operatorId,
                months.stream().map(month -> month.atDay(1)).toList())) {
            found.put(YearMonth.from(row.month()), Optional.ofNullable(row.score()));
        }
        return found;
    }
}
