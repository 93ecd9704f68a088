package org.zhucan.menu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.zhucan.common.diet.Allergen;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;

/**
 * Dishes and set meals chosen from a published menu, priced at the menu's prices: what a booking
 * books and what the counter serves a walk-in. Every problem is a user error at the item's path.
 */
public final class MenuChoices {

    public static final int MAX_ITEMS = 10;
    public static final int MAX_QUANTITY = 5;

    private MenuChoices() {
    }

    /** A dish by id or a set meal by name, exactly one of them, and how many (1 when null). */
    public record Choice(Long dishId, String setMealName, Integer quantity) {
    }

    /**
     * A choice priced from the menu. {@code ref} is D:&lt;dish id&gt; or S:&lt;set meal name&gt;,
     * the key of its daily quota counter; {@code quota} is null when the menu sets none.
     */
    public record Priced(String ref, Long dishId, String setMealName, String name, long unitPriceFen, int quantity, Integer quota) {
    }

    /**
     * The choices priced from the menu, in order; problems are added with {@code path} + index
     * (+ field), e.g. input.items.0.quantity.
     */
    public static List<Priced> price(MenuView menu, List<Choice> choices, List<UserError> problems, String... path) {
        if (choices == null || choices.isEmpty() || choices.size() > MAX_ITEMS) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Choose 1 to " + MAX_ITEMS + " dishes or set meals", path));
            return List.of();
        }
        List<Priced> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String index = String.valueOf(i);
            int quantity = choice.quantity() == null ? 1 : choice.quantity();
            if ((choice.dishId() == null) == (choice.setMealName() == null)) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Give exactly one of dishId and setMealName", at(path, index)));
                continue;
            }
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A quantity is 1 to " + MAX_QUANTITY, at(path, index, "quantity")));
                continue;
            }
            Priced item;
            if (choice.dishId() != null) {
                item = menu.items().stream().filter(on -> on.dish().id() == choice.dishId()).findFirst()
                        .map(on -> new Priced("D:" + on.dish().id(), on.dish().id(), null, on.dish().name(), on.price().fen(), quantity,
                                on.dailyQuota())).orElse(null);
            } else {
                item = menu.setMeals().stream().filter(on -> on.name().equals(choice.setMealName().strip())).findFirst()
                        .map(on -> new Priced("S:" + on.name(), null, on.name(), on.name(), on.price().fen(), quantity, on.dailyQuota()))
                        .orElse(null);
            }
            if (item == null) {
                problems.add(UserError.of(UserErrorCode.NOT_ON_MENU, "Not on the published menu: "
                        + (choice.dishId() != null ? "dish " + choice.dishId() : "set meal " + choice.setMealName()), at(path, index)));
            } else if (!seen.add(item.ref())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, item.name() + " is listed twice; give a quantity instead", at(path, index)));
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /** The allergens of the priced choices' dishes (a set meal's every dish) that {@code allergies} names. */
    public static Set<Allergen> allergensOf(MenuView menu, List<Priced> items, Set<Allergen> allergies) {
        if (allergies.isEmpty()) {
            return Set.of();
        }
        Set<Allergen> contained = EnumSet.noneOf(Allergen.class);
        for (Priced item : items) {
            if (item.dishId() != null) {
                menu.items().stream().filter(on -> on.dish().id() == item.dishId()).forEach(on -> contained.addAll(on.dish().allergens()));
            } else {
                menu.setMeals().stream().filter(on -> on.name().equals(item.setMealName()))
                        .forEach(on -> on.dishes().forEach(dish -> contained.addAll(dish.allergens())));
            }
        }
        return Allergen.common(contained, allergies);
    }

    private static String[] at(String[] path, String... more) {
        return Stream.concat(Stream.of(path), Stream.of(more)).toArray(String[]::new);
    }
}
