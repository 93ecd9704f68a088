package org.zhucan.eligibility;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zhucan.diner.DinerCategory;

record ClaimedCategoryInput(@NotNull DinerCategory category, @NotNull @Size(max = 64) String evidenceRef, @NotNull LocalDate validFrom,
                            LocalDate validTo) {
}
