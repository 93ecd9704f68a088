package org.zhucan.serving;

import jakarta.validation.constraints.Size;

public record MealItemInput(Long dishId, @Size(max = 64) String setMealName, Integer quantity) {
}
