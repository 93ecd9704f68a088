package org.zhucan.booking;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

/**
 * What bookMeal takes: a diner, site, date and slot, how the meal is served, and its dishes; staff
 * booking on the diner's behalf (hotline, counter) may give their call or counter reference.
 */
public record BookMealInput(String idempotencyKey, long dinerId, long siteId, LocalDate date, MealSlot slot, Fulfilment fulfilment,
                            String deliveryAddress, List<@Valid BookingItemInput> items, @Size(max = 64) String callReference,
                            Boolean confirmAllergens) {

    /** A booking that confirms no allergen (what devices sent before confirmAllergens existed). */
    public BookMealInput(String idempotencyKey, long dinerId, long siteId, LocalDate date, MealSlot slot, Fulfilment fulfilment,
                         String deliveryAddress, List<BookingItemInput> items, String callReference) {
        this(idempotencyKey, dinerId, siteId, date, slot, fulfilment, deliveryAddress, items, callReference, null);
    }

    BookingRequest request() {
        return new BookingRequest(dinerId, siteId, date, slot, fulfilment, deliveryAddress, items, Boolean.TRUE.equals(confirmAllergens));
    }

    BookMealInput withoutKey() {
        return new BookMealInput(null, dinerId, siteId, date, slot, fulfilment, deliveryAddress, items, callReference, confirmAllergens);
    }

    @Override
    public String toString() {
        return "BookMealInput[diner=" + dinerId + ", site=" + siteId + ", " + date + " " + slot + " " + fulfilment + "]";
    }
}
