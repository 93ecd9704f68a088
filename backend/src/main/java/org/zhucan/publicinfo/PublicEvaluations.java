package org.zhucan.publicinfo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.zhucan.common.pagination.Connection;
import org.zhucan.evaluation.EvaluationMetric;
import org.zhucan.evaluation.EvaluationService;
import org.zhucan.evaluation.EvaluationWeights;
import org.zhucan.network.Region;

/** One page of a month's published ranking, with the district, month and weights it was made with. */
record PublicEvaluations(Region district, YearMonth month, Weights weights, List<Connection.Edge<Evaluation>> edges,
                         Connection.PageInfo pageInfo, long totalCount) {

    /** The weights in percent, without who set them. */
    record Weights(YearMonth effectiveMonth, int operatingRate, int satisfaction, int inspection, int flags, int noShow) {

        static Weights of(EvaluationWeights weights) {
            return new Weights(weights.effectiveMonth(), weights.operatingRate(), weights.satisfaction(), weights.inspection(), weights.flags(),
                    weights.noShow());
        }
    }

    /** One operator's row; its operator is batched. */
    record Evaluation(Integer rank, long operatorId, BigDecimal exactScore, int sites, int mealsServed, List<EvaluationService.MetricScore> metrics,
                      List<EvaluationMetric> missingMetrics) {

        static Evaluation of(EvaluationService.OperatorEvaluation row) {
            return new Evaluation(row.rank(), row.operatorId(), row.exactScore(), row.sites(), row.mealsServed(), row.metrics(),
                    row.missingMetrics());
        }

        public Double score() {
            return exactScore == null ? null : exactScore.doubleValue();
        }
    }
}
