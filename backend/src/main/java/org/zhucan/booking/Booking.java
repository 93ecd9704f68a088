package org.zhucan.booking;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

/**
 * A booking as stored. The delivery address comes as ciphertext and masked; the API opens it only
 * for the diner's own accounts and the site's staff. {@code quoteJson} holds the quote's shares
 * and reasons as they were when booked. {@code channel} says how it was made, {@code callReference}
 * the hotline's or counter's reference for it, if staff gave one.
 */
public record Booking(long id, long dinerId, long siteId, long menuId, LocalDate date, MealSlot slot, Fulfilment fulfilment,
                      String deliveryAddressEncrypted, String deliveryAddressMasked, Money deliveryFee, Money price, Money subsidy,
                      Money dinerPays, Long policyId, String quoteJson, BookingStatus status, String pickupCode, String bookedBy,
                      Long recurringBookingId, Instant createdAt, Instant cancelledAt, String cancelledBy, String cancelReason,
                      int version, BookingChannel channel, String callReference) {

    /** The diner's part of the meal plus the delivery fee. */
    public Money totalDinerPays() {
        return Money.ofFen(dinerPays.fen() + deliveryFee.fen());
    }
}
