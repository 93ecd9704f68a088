package org.zhucan.menu;

import java.io.Serializable;
import java.util.List;

import org.zhucan.common.money.Money;

/** A dish an operator cooks. Serializable: published menus holding it are cached in Redis. */
public record Dish(long id, long operatorId, String name, Money price, String portion, List<DishTag> tags, List<String> allergens,
                   Integer kcal, Double proteinGrams, String photoUrl, boolean active) implements Serializable {
}
