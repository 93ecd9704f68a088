package org.zhucan.booking;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhucan.common.diet.Allergen;
import org.zhucan.menu.MenuChoices;

/** What the audit rows of bookings say beyond the booking itself; never personal data. */
final class BookingAuditDetails {

    private BookingAuditDetails() {
    }

    /** What an audit row of a booking made or cancelled on a diner's behalf says; no personal data. */
    static Map<String, Object> onBehalf(long dinerId, BookingChannel channel, String callReference) {
        Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("dinerId", dinerId);
        what.put("channel", channel);
        if (callReference != null) {
            what.put("callReference", callReference);
        }
        return what;
    }

    /** What the audit row of a booking confirmed despite the diner's allergens says: who, which allergens, which dishes. */
    static Map<String, Object> allergenConfirmation(long dinerId, Set<Allergen> allergens, List<MenuChoices.Priced> items) {
        Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("dinerId", dinerId);
        what.put("allergens", List.copyOf(allergens));
        what.put("items", items.stream().map(MenuChoices.Priced::name).toList());
        return what;
    }
}
