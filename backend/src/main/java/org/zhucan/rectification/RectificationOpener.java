package org.zhucan.rectification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.zhucan.common.audit.AuditService;
import org.zhucan.evaluation.EvaluationMonthClosed;
import org.zhucan.foodsafety.Inspection;
import org.zhucan.foodsafety.InspectionRecorded;
import org.zhucan.foodsafety.InspectionResult;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

/**
 * Opens cases, in the transaction of what causes them: the close of a month's evaluation (every
 * operator whose frozen score is below the threshold) and a failed inspection (its operator and site).
 * A cause opens one case, ever: the unique cause key decides, also between instances, and a failed
 * re-inspection of the same finding belongs to the case its first inspection opened.
 */
@Component
class RectificationOpener {

    private final RectificationMapper mapper;
    private final RectificationSettings settings;
    private final SiteService siteService;
    private final AuditService audit;
    private final Clock clock;

    RectificationOpener(RectificationMapper mapper, RectificationSettings settings, SiteService siteService, AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.siteService = siteService;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(EvaluationMonthClosed closed) {
        openForScores(closed.districtId(), closed.month(), closed.scores(), closed.closedBy());
    }

    @EventListener
    void on(InspectionRecorded recorded) {
        Inspection inspection = recorded.inspection();
        if (inspection.result() != InspectionResult.FAILED) {
            return;
        }
        Site site = siteService.require(inspection.siteId());
        Long districtId = mapper.districtOf(site.communityId());
        if (districtId == null) {
            throw new IllegalStateException("site " + site.id() + " is in no district");
        }
        String note = "食品安全检查不合格（检查记录 " + inspection.id() + "，" + inspection.inspectedOn() + "）"
                + (inspection.summary() == null ? "" : "：" + inspection.summary());
        open(new RectificationMapper.NewCase(inspection.operatorId(), districtId, site.id(), RectificationCause.FAILED_INSPECTION,
                "INSPECTION:" + recorded.firstOfChain(), null, null, null, inspection.id(), now()), note, inspection.inspector());
    }

    /** Opens a case for every score below the threshold that has none yet; returns those opened now. */
    List<RectificationCase> openForScores(long districtId, YearMonth month, List<EvaluationMonthClosed.OperatorScore> scores, String actor) {
        BigDecimal threshold = settings.scoreThreshold();
        List<RectificationCase> opened = new ArrayList<>();
        for (EvaluationMonthClosed.OperatorScore score : scores) {
            if (score.score() == null || score.score().compareTo(threshold) >= 0) {
                continue;
            }
            String note = month + " 运营考核得分 " + score.score().toPlainString() + "，低于 " + threshold.toPlainString() + " 分（考核不达标）";
            RectificationCase opening = open(new RectificationMapper.NewCase(score.operatorId(), districtId, null, RectificationCause.LOW_SCORE,
                    "EVALUATION:" + districtId + ":" + month + ":" + score.operatorId(), month.atDay(1), score.score(), threshold, null, now()),
                    note, actor);
            if (opening != null) {
                opened.add(opening);
            }
        }
        return opened;
    }

    /** The case opened, or null when its cause has one already. */
    private RectificationCase open(RectificationMapper.NewCase newCase, String note, String actor) {
        org.zhucan.common.sql.GeneratedKey key = new org.zhucan.common.sql.GeneratedKey();
        try {
            mapper.insertCase(key, newCase);
        } catch (DuplicateKeyException causeHasItsCase) {
            // InnoDB undoes the one statement; the transaction of the close or the inspection goes on
            return null;
        }
        mapper.insertStep(new RectificationMapper.NewStep(key.value(), StepKind.OPENED, null, RectificationStatus.OPEN, note, null, actor,
                newCase.at()));
        RectificationCase opened = mapper.findCase(key.value());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("case", opened);
        after.put("causeKey", newCase.causeKey());
        after.put("note", note);
        audit.record(actor, "RECTIFICATION_CASE_OPENED", "RectificationCase", opened.id(), null, after);
        return opened;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
