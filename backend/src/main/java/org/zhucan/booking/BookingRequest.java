package org.zhucan.booking;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

/** What to book, whoever asks; confirmAllergens says the diner was told the dishes contain their allergens. */
record BookingRequest(long dinerId, long siteId, LocalDate date, MealSlot slot, Fulfilment fulfilment, String deliveryAddress,
                      List<BookingItemInput> items, boolean confirmAllergens) {
}
