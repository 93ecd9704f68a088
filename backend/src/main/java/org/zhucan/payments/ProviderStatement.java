package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An imported statement of an operator's merchant account, matched against the records. */
public record ProviderStatement(long id, long operatorId, PaymentMethod provider, LocalDate from, LocalDate to, String importedBy,
                                Instant importedAt, int matchedCount, List<ReconciliationLine> lines) {
}
