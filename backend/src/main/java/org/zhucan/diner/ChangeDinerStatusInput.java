package org.zhucan.diner;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** What changeDinerStatus takes: the new status, from when, and why. */
public record ChangeDinerStatusInput(long dinerId, DinerStatus status, LocalDate effectiveOn, @Size(max = 255) String reason) {
}
