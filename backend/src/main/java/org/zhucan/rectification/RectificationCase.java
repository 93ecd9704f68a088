package org.zhucan.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rectification case against an operator (整改案件), and the site where it concerns one.
 *
 * @param evaluationMonth the first day of the month whose frozen score opened it (LOW_SCORE)
 * @param threshold the score below which a case opened, as set when it opened
 * @param inspectionId the failed inspection that opened it (FAILED_INSPECTION)
 * @param rectificationDue the deadline of the rectification ordered last
 * @param operatorReport the operator's latest rectification report (整改报告)
 * @param terminatedContractId the contract ended by the case (TERMINATED)
 */
public record RectificationCase(long id, long operatorId, long districtId, Long siteId, RectificationCause cause, LocalDate evaluationMonth,
                                BigDecimal score, BigDecimal threshold, Long inspectionId, RectificationStatus status,
                                LocalDate rectificationDue, String operatorReport, Instant reportedAt, Long terminatedContractId,
                                Instant openedAt, Instant updatedAt) {

    /** Whether a rectification is under way and its deadline passed before the day (逾期未整改): from dates alone. */
    public boolean overdueOn(LocalDate today) {
        return status == RectificationStatus.RECTIFYING && rectificationDue != null && rectificationDue.isBefore(today);
    }
}
