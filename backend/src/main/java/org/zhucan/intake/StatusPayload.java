package org.zhucan.intake;

import java.time.LocalDate;

import org.zhucan.diner.DinerStatus;

/** A checked status-feed row as staged: the diner, the status from a date, and why. */
record StatusPayload(long dinerId, DinerStatus status, LocalDate effectiveOn, String reason) {
}
