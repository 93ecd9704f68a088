package org.zhucan.booking;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;
import static org.zhucan.booking.BookingFixtures.today;

/**
 * A central kitchen (中央厨房) cooks for the sites it supplies: nobody books there and no meal is
 * served there, whether from the counter or an offline batch. Each is refused with KITCHEN_ONLY_SITE.
 */
class KitchenOnlySiteApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    String kitchen;

    @BeforeEach
    void fixtures() {
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        kitchen = String.valueOf(jdbc.queryForObject("SELECT id FROM site WHERE name = '伊滨区中央厨房'", Long.class));
    }

    @Test
    void shouldRefuseABookingAtACentralKitchen() {
        String diner = fixtures.diner();
        as("admin").documentName("bookMeal").variable("input", bookInput(key(), diner, kitchen, today().plusDays(1), "PICKUP",
                        List.of(setMeal("套餐A")))).execute()
                .path("bookMeal.booking").valueIsNull()
                .path("bookMeal.userErrors[0].code").entity(String.class).isEqualTo("KITCHEN_ONLY_SITE")
                .path("bookMeal.userErrors[0].field").entityList(String.class).containsExactly("input", "siteId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE site_id = ?", Integer.class, Long.valueOf(kitchen))).isZero();
    }

    @Test
    void shouldRefuseAMealLoggedOrUploadedAtACentralKitchen() {
        String diner = fixtures.diner();
        Map<String, Object> verification = Map.of("method", "STAFF_PROXY", "proxyReason", "老人无法出示证件");
        as("operator").documentName("logMeal").variable("input", Map.of("idempotencyKey", key(), "siteId", kitchen, "slot", "LUNCH",
                        "dinerId", diner, "verification", verification, "price", "10.00")).execute()
                .path("logMeal.record").valueIsNull()
                .path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("KITCHEN_ONLY_SITE");
        as("operator").documentName("uploadMealRecords").variable("input", Map.of("siteId", kitchen, "records", List.of(
                        Map.of("clientRecordId", "kitchen-1", "slot", "LUNCH", "servedAt", today().atTime(12, 0).atZone(
                                org.zhucan.common.time.BusinessTime.ZONE).toOffsetDateTime().toString(),
                                "dinerId", diner, "verification", verification, "price", "10.00")))).execute()
                .path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(0)
                .path("uploadMealRecords.userErrors[0].code").entity(String.class).isEqualTo("KITCHEN_ONLY_SITE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE site_id = ?", Integer.class, Long.valueOf(kitchen))).isZero();
    }
}
