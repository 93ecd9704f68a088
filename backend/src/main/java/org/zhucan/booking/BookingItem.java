package org.zhucan.booking;

import org.zhucan.common.money.Money;

/**
 * A dish ({@code dishId}) or a set meal ({@code setMealName}) of a booking, at the menu's price;
 * {@code quotaCounted} when it took portions from a daily quota.
 */
public record BookingItem(long bookingId, int position, Long dishId, String setMealName, String name, Money unitPrice, int quantity,
                          boolean quotaCounted) {

    /** How a quota counter names it: {@code D:<dish id>} or {@code S:<set meal name>}. */
    public String quotaRef() {
        return dishId != null ? "D:" + dishId : "S:" + setMealName;
    }
}
