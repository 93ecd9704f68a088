package org.zhucan.diner;

import java.time.LocalDate;

/** One change of a diner's status, effective from a day. */
public record DinerStatusChange(long dinerId, DinerStatus fromStatus, DinerStatus toStatus, LocalDate effectiveOn, String reason) {
}
