package org.zhucan.delivery;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.network.MealSlot;

/** A central kitchen's production sheet (生产单) for a date and slot: every point it supplies. */
public record ProductionSheet(long kitchenId, LocalDate date, MealSlot slot, List<PointProduction> points) {

    public int totalPortions() {
        return points.stream().mapToInt(PointProduction::bookedPortions).sum();
    }
}
