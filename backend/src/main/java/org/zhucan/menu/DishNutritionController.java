package org.zhucan.menu;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A dish's salt, oil and sugar in grams, from the milligrams it is stored in: no statement of its own. */
@Controller
class DishNutritionController {

    @SchemaMapping(typeName = "Dish", field = "saltGrams")
    Double saltGrams(Dish dish) {
        return grams(dish.saltMg());
    }

    @SchemaMapping(typeName = "Dish", field = "oilGrams")
    Double oilGrams(Dish dish) {
        return grams(dish.oilMg());
    }

    @SchemaMapping(typeName = "Dish", field = "sugarGrams")
    Double sugarGrams(Dish dish) {
        return grams(dish.sugarMg());
    }

    private static Double grams(Integer milligrams) {
        return milligrams == null ? null : milligrams / 1000.0;
    }
}
