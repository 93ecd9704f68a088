package org.zhucan.menu;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.money.Money;

/** What saveDish takes: a new dish of an operator, or changes to one. */
public record SaveDishInput(Long dishId, long operatorId, @NotBlank @Size(max = 64) String name, Money price,
                            @Size(max = 32) String portion, List<DishTag> tags, List<Allergen> allergens, Integer kcal,
                            Double proteinGrams, @Size(max = 512) String photoUrl, Boolean active, Double saltGrams, Double oilGrams,
                            Double sugarGrams) {
}
