package org.zhucan.delivery;

import java.util.List;

/**
 * What a kitchen cooks for one point it supplies: the point's live bookings, its portions per dish and set meal (the
 * booking feature's ItemCount rows, as its kitchen sheet gives them) and its dispatch.
 */
public record PointProduction(long pointId, int bookedPortions, List<?> items, KitchenDispatch dispatch) {
}
