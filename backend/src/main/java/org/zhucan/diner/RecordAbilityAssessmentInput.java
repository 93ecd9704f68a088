package org.zhucan.diner;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What recordAbilityAssessment takes. */
public record RecordAbilityAssessmentInput(long dinerId, int level, LocalDate assessedOn, @NotBlank @Size(max = 64) String assessor) {
}
