package org.zhucan.delivery;

import java.util.List;

/**
 * What a kitchen cooks for one point it supplies: the point's live bookings, its portions per dish and set meal, most
 * first, and its dispatch.
 */
public record PointProduction(long pointId, int bookedPortions, List<ProductionItem> items, KitchenDispatch dispatch) {
}
