package org.zhucan.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhucan.network.Region;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes a closed month's frozen evaluation (考核结果冻结). The measures and weights are
 * kept as JSON of plain maps, written and read here only, so the frozen ranking reads back exactly as
 * it was when the month closed.
 */
@Component
class FrozenEvaluations {

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final EvaluationFreezeMapper mapper;
    private final JsonMapper json;

    FrozenEvaluations(EvaluationFreezeMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    /** The month's frozen ranking; null while the month is open. */
    EvaluationService.Ranking read(Region district, YearMonth month) {
        EvaluationFreezeMapper.ClosedMonth closed = mapper.findClose(district.id(), month.atDay(1));
        if (closed == null) {
            return null;
        }
        List<EvaluationService.OperatorEvaluation> rows = new ArrayList<>();
        for (EvaluationFreezeMapper.FrozenRow row : mapper.findFrozen(district.id(), month.atDay(1))) {
            List<EvaluationService.MetricScore> metrics = new ArrayList<>();
            List<EvaluationMetric> missing = new ArrayList<>();
            for (Map<String, Object> m : json.readValue(row.metrics(), ROWS)) {
                EvaluationMetric metric = EvaluationMetric.valueOf((String) m.get("metric"));
                BigDecimal score = m.get("score") == null ? null : new BigDecimal((String) m.get("score"));
                metrics.add(new EvaluationService.MetricScore(metric, ((Number) m.get("weight")).intValue(), score,
                        ((Number) m.get("sampleSize")).intValue(), (String) m.get("basis")));
                if (score == null) {
                    missing.add(metric);
                }
            }
            rows.add(new EvaluationService.OperatorEvaluation(row.ranking(), row.operatorId(), row.score(), row.sites(), row.mealsServed(),
                    metrics, missing));
        }
        Map<String, Object> w = json.readValue(closed.weights(), MAP);
        EvaluationWeights weights = new EvaluationWeights(district.id(), LocalDate.parse((String) w.get("effectiveFrom")),
                number(w, "operatingRate"), number(w, "satisfaction"), number(w, "inspection"), number(w, "flags"), number(w, "noShow"),
                (String) w.get("setBy"), Instant.parse((String) w.get("setAt")));
        return new EvaluationService.Ranking(district, month, closed.scoredFrom(), closed.scoredTo(), weights, closed.operatorCount(), rows,
                closed.closedAt());
    }

    /** Freezes the ranking; a duplicate key when the month is already closed. */
    void write(EvaluationService.Ranking ranking, String closedBy, Instant at) {
        EvaluationWeights w = ranking.weights();
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("effectiveFrom", w.effectiveFrom().toString());
        weights.put("operatingRate", w.operatingRate());
        weights.put("satisfaction", w.satisfaction());
        weights.put("inspection", w.inspection());
        weights.put("flags", w.flags());
        weights.put("noShow", w.noShow());
        weights.put("setBy", w.setBy());
        weights.put("setAt", w.setAt().toString());
        LocalDate month = ranking.month().atDay(1);
        mapper.insertClose(new EvaluationFreezeMapper.ClosedMonth(ranking.district().id(), month, ranking.from(), ranking.to(),
                json.writeValueAsString(weights), ranking.operatorCount(), closedBy, at));
        List<EvaluationFreezeMapper.FrozenRow> rows = new ArrayList<>();
        for (EvaluationService.OperatorEvaluation evaluation : ranking.evaluations()) {
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (EvaluationService.MetricScore metric : evaluation.metrics()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("metric", metric.metric().name());
                m.put("weight", metric.weight());
                m.put("score", metric.exactScore() == null ? null : metric.exactScore().toPlainString());
                m.put("sampleSize", metric.sampleSize());
                m.put("basis", metric.basis());
                metrics.add(m);
            }
            rows.add(new EvaluationFreezeMapper.FrozenRow(evaluation.operatorId(), evaluation.rank(), evaluation.exactScore(),
                    evaluation.sites(), evaluation.mealsServed(), json.writeValueAsString(metrics)));
        }
        if (!rows.isEmpty()) {
            mapper.insertFrozen(ranking.district().id(), month, rows);
        }
    }

    private static int number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).intValue();
    }
}
