package org.zhucan.diner;

import java.time.LocalDate;

/**
 * Published by {@link DinerStatusService#changeStatus} inside its transaction when an administrator turns a recorded
 * death back to ACTIVE as the correction of an error; the family is told. Nothing the death withdrew is restored.
 *
 * @param effectiveOn the day the diner is ACTIVE again from
 * @param reason why the death was an error
 * @param actor the administrator
 */
public record DinerDeathCorrected(long dinerId, LocalDate effectiveOn, String reason, String actor) {
}
