package org.zhucan.delivery;

import java.time.Instant;

/** A stop of a run, with its proof and wellness check once confirmed; the pickup code is never shown. */
public record DeliveryStop(long id, long runId, long bookingId, long dinerId, int position, String pickupCode, StopStatus status,
                           Instant confirmedAt, String confirmedBy, Integer distanceMetres, String positionReason, boolean pickupCodeGiven,
                           String photoRef, FailureReason failureReason, String failureNote, Wellness wellness, String wellnessNote,
                           Long mealRecordId) {
}
