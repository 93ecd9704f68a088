package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;

/**
 * A meal record as stored: append-only, so every field but {@code reversedById} is fixed at insert.
 * On a REVERSAL the amounts are the negated amounts of the record it reverses.
 */
public record MealRecord(long id, MealRecordKind kind, MealRecordOrigin origin, long siteId, long operatorId, long dinerId, LocalDate date, MealSlot slot,
                         Instant servedAt, Long bookingId, VerificationMethod verification, String verificationNote, Money price,
                         Money subsidy, Money dinerPays, Long policyId, String dinerCategory, String quoteJson, boolean secondMeal,
                         String clientRecordId, String clientHash, Long reversesId, Long correctsId, Long reversedById, String reason,
                         String recordedBy, Instant recordedAt) {

    /** A MEAL no reversal has cancelled. */
    public boolean standing() {
        return kind == MealRecordKind.MEAL && reversedById == null;
    }
}
