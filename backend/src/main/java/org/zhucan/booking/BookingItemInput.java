package org.zhucan.booking;

import jakarta.validation.constraints.Size;

/** A dish or set meal of a booking, as bookMeal takes it. */
public record BookingItemInput(Long dishId, @Size(max = 64) String setMealName, Integer quantity) {
}
