package org.zhucan.menu;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.zhucan.network.MealSlot;

/** What saveMenu takes: a site's menu for a date and slot, as a draft. */
public record SaveMenuInput(long siteId, LocalDate date, MealSlot slot, List<MenuItemInput> items, List<@Valid SetMealInput> setMeals) {
}
