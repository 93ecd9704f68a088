package org.zhucan.menu;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What saveDish answers: the dish, or the user errors that stopped it. */
public record DishResult(Dish dish, List<UserError> userErrors) {
}
