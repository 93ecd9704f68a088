package org.zhucan.delivery;

/** Portions of one dish or set meal a kitchen cooks for a point (菜品份数). */
public record ProductionItem(String name, String setMealName, int quantity) {
}
