package org.zhucan.serving;

import org.zhucan.common.money.Money;

/** A dish or set meal served, at the menu's price. */
public record MealRecordItem(long recordId, int position, Long dishId, String setMealName, String name, Money unitPrice, int quantity) {
}
