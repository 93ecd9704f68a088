package org.zhucan.menu;

import java.io.Serializable;
import java.util.List;

import org.zhucan.common.diet.Allergen;
import org.zhucan.common.money.Money;

/**
 * A dish an operator cooks, with its salt, oil and sugar per portion in milligrams (null when not
 * recorded). Serializable: published menus holding it are cached in Redis.
 */
public record Dish(long id, long operatorId, String name, Money price, String portion, List<DishTag> tags, List<Allergen> allergens,
                   Integer kcal, Double proteinGrams, String photoUrl, boolean active, Integer saltMg, Integer oilMg, Integer sugarMg)
        implements Serializable {

    /** The amount of one of the three 三减 nutrients, in milligrams; null when not recorded. */
    public Integer milligramsOf(Nutrient nutrient) {
        return switch (nutrient) {
            case SALT -> saltMg;
            case OIL -> oilMg;
            case SUGAR -> sugarMg;
        };
    }
}
