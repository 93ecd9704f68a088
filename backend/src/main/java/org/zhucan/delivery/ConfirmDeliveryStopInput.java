package org.zhucan.delivery;

import java.math.BigDecimal;
import java.time.Instant;

public record ConfirmDeliveryStopInput(String idempotencyKey, long stopId, StopOutcome outcome, Instant confirmedAt, BigDecimal latitude,
                                       BigDecimal longitude, String positionReason, String pickupCode, String photoRef,
                                       FailureReason failureReason, String failureNote, Wellness wellness, String wellnessNote) {

    ConfirmDeliveryStopInput withoutKey() {
        return new ConfirmDeliveryStopInput(null, stopId, outcome, confirmedAt, latitude, longitude, positionReason, pickupCode, photoRef,
                failureReason, failureNote, wellness, wellnessNote);
    }

    @Override
    public String toString() {
        return "ConfirmDeliveryStopInput[" + stopId + " " + outcome + "]"; // never log a position or a pickup code
    }
}
