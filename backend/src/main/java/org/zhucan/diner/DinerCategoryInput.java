package org.zhucan.diner;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** A subsidy category a diner holds, with its evidence and validity, as registerDiner and updateDiner take it. */
public record DinerCategoryInput(DinerCategory category, @Size(max = 128) String evidenceRef, LocalDate validFrom, LocalDate validTo) {
}
