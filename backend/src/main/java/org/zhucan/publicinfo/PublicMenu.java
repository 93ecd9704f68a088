package org.zhucan.publicinfo;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.common.money.Money;
import org.zhucan.menu.Dish;
import org.zhucan.menu.DishTag;
import org.zhucan.menu.MenuView;
import org.zhucan.network.MealSlot;

/** A published menu as the public sees it: dishes and set meals at their list prices, nobody's quote. */
record PublicMenu(LocalDate date, MealSlot slot, List<Item> items, List<SetMeal> setMeals) {

    static PublicMenu of(MenuView menu) {
        return new PublicMenu(menu.date(), menu.slot(),
                menu.items().stream().map(item -> Item.of(item.dish(), item.price())).toList(),
                menu.setMeals().stream().map(set -> new SetMeal(set.name(), set.price(), set.dishes().stream().map(Dish::name).toList())).toList());
    }

    record Item(String name, Money price, String portion, List<DishTag> tags, List<org.zhucan.common.diet.Allergen> allergens, Integer kcal) {

        static Item of(Dish dish, Money price) {
            return new Item(dish.name(), price, dish.portion(), dish.tags(), dish.allergens(), dish.kcal());
        }
    }

    record SetMeal(String name, Money price, List<String> dishes) {
    }
}
