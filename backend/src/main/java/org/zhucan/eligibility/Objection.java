package org.zhucan.eligibility;

import java.time.Instant;
import java.time.LocalDate;

/** An objection raised during a publicity period; {@code contact} is the masked phone, never the stored one. */
record Objection(long id, long applicationId, String reason, String contact, Instant objectedAt, LocalDate publicityFrom,
                 LocalDate publicityTo) {
}
