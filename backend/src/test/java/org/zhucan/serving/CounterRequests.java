package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.common.time.BusinessTime;

import static org.zhucan.booking.BookingFixtures.dishItem;

/** What a counter sends about a lunch of {@link BookingFixtures#lunch}: walk-ins and offline uploads. */
final class CounterRequests {

    private CounterRequests() {
    }

    /** The instant of a time of day in Shanghai. */
    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(BusinessTime.ZONE).toInstant();
    }

    /** logMeal's input for a walk-in eating one fish and one rice (diner null: the verification names the diner). */
    static Map<String, Object> walkIn(BookingFixtures.Lunch lunch, String key, String diner, Map<String, Object> verification) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key, "siteId", lunch.site(), "slot", "LUNCH",
                "verification", verification, "items", List.of(dishItem(lunch.fish(), 1), dishItem(lunch.rice(), 1))));
        if (diner != null) {
            input.put("dinerId", diner);
        }
        return input;
    }

    /** uploadMealRecords of the records at the site. */
    static GraphQlTester.Response upload(HttpGraphQlTester counter, String site, List<Map<String, Object>> records) {
        return counter.documentName("uploadMealRecords").variable("input", Map.of("siteId", site, "records", records)).execute();
    }
}
