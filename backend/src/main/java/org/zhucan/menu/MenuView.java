package org.zhucan.menu;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;

/**
 * A menu with its dishes, the same for every diner: what the cache holds. A diner's prices and
 * fits are laid over it per request.
 */
public record MenuView(long id, long siteId, LocalDate date, MealSlot slot, MenuStatus status, int version, Instant publishedAt,
                       List<Item> items, List<SetMeal> setMeals) implements Serializable {

    /** A dish on the menu at this site's price. */
    public record Item(Dish dish, Money price, Integer dailyQuota) implements Serializable {
    }

    /** Several dishes at one price. */
    public record SetMeal(String name, Money price, Integer dailyQuota, List<Dish> dishes) implements Serializable {
    }
}
