package org.zhucan.delivery;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/** Portions a central kitchen sent a point for a slot, and what the point received (null until it says). */
public record KitchenDispatch(long id, long kitchenId, long pointId, LocalDate date, MealSlot slot, int portionsSent, String sentBy, Instant sentAt,
                              Integer portionsReceived, String receivedBy, Instant receivedAt, String discrepancyNote) {

    /** Sent minus received; null until received. */
    public Integer discrepancy() {
        return portionsReceived == null ? null : portionsSent - portionsReceived;
    }
}
