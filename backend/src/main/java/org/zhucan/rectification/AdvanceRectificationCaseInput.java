package org.zhucan.rectification;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * What advanceRectificationCase takes: the step and its note; ORDER_RECTIFICATION also the deadline,
 * TERMINATE_CONTRACT the contract's last day.
 */
public record AdvanceRectificationCaseInput(Long caseId, RectificationAction action, @Size(max = 2000) String note, LocalDate rectificationDue,
                                            LocalDate contractLastDay) {
}
