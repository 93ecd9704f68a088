package org.zhucan.rectification;

import jakarta.validation.constraints.Size;

/** What submitRectificationReport takes: the operator's account of what it put right (整改报告). */
public record SubmitRectificationReportInput(Long caseId, @Size(max = 2000) String report) {
}
