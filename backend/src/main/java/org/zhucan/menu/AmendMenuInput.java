package org.zhucan.menu;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What amendMenu takes: changes to a published menu, which bookings already made keep. */
public record AmendMenuInput(long menuId, List<MenuItemInput> items, List<@Valid SetMealInput> setMeals, @NotBlank @Size(max = 255) String reason) {
}
