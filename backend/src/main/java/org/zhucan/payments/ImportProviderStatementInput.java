package org.zhucan.payments;

import java.time.LocalDate;

public record ImportProviderStatementInput(long operatorId, PaymentMethod provider, LocalDate from, LocalDate to, String csv) {
}
