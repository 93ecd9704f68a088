package org.zhucan.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;

/** Canteens and counter meals for tests that build a district of their own, made through the API. */
public final class Canteens {

    private Canteens() {
    }

    /**
     * A CANTEEN of the operator in the village, OPERATING from today, with 套餐A (清蒸鱼 8.00 and 米饭
     * 1.00) at 10.00 on a published lunch menu for each date given; returns the site's id.
     */
    public static String open(HttpGraphQlTester admin, JdbcTemplate jdbc, String villageId, String operatorId, String name,
                              LocalDate... lunchMenuDates) {
        NetworkFixtures network = new NetworkFixtures(admin, jdbc);
        LocalDate today = DistrictWorld.today();
        String site = network.createSite(name + System.nanoTime(), "CANTEEN", villageId, operatorId, null, null);
        network.open(site, today.toString(), today.toString());
        String fish = dish(admin, operatorId, "清蒸鱼", "8.00");
        String rice = dish(admin, operatorId, "米饭", "1.00");
        for (LocalDate date : lunchMenuDates) {
            publishSetMeal(admin, site, date, "LUNCH", fish, rice);
        }
        return site;
    }

    /** Logs a walk-in's 套餐A at the site's lunch, served at the time given, by the caller given; returns the record id. */
    public static String serveWalkIn(HttpGraphQlTester counter, String site, String diner, String servedAt) {
        Map<String, Object> input = Map.of("idempotencyKey", "k-" + UUID.randomUUID(), "siteId", site, "slot", "LUNCH", "dinerId", diner,
                "servedAt", servedAt, "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人无法出示证件"),
                "items", List.of(Map.of("setMealName", "套餐A")));
        return counter.documentName("fixtureLogMeal")
                .variable("input", input).execute()
                .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.id").entity(String.class).get();
    }

    /** Links a DINER account to a diner, as the family's relative (子女). */
    public static void linkFamily(HttpGraphQlTester admin, String account, String diner) {
        admin.documentName("linkFamilyMember")
                .variable("input", Map.of("username", account, "dinerId", diner, "relation", "子女")).execute()
                .path("linkFamilyMember.userErrors").entityList(Object.class).hasSize(0);
    }

    /** Publishes the slot's menu of the day at the site: the two dishes, and 套餐A of both at 10.00. */
    public static void publishSetMeal(HttpGraphQlTester admin, String site, LocalDate date, String slot, String fish, String rice) {
        String menuId = admin.documentName("saveMenu").variable("input", Map.of("siteId", site, "date", date.toString(), "slot", slot,
                        "items", List.of(Map.of("dishId", fish), Map.of("dishId", rice)),
                        "setMeals", List.of(Map.of("name", "套餐A", "price", "10.00", "dishIds", List.of(fish, rice))))).execute()
                .path("saveMenu.userErrors").entityList(Object.class).hasSize(0)
                .path("saveMenu.menu.id").entity(String.class).get();
        publishMenu(admin, menuId);
    }

    /** Publishes a saved menu. */
    public static void publishMenu(HttpGraphQlTester admin, String menuId) {
        admin.documentName("fixturePublishMenu").variable("input", Map.of("menuId", menuId)).execute()
                .path("publishMenu.userErrors").entityList(Object.class).hasSize(0);
    }

    /** A dish of the operator at the price given, its name made unique; returns its id. */
    public static String dish(HttpGraphQlTester admin, String operatorId, String name, String price) {
        return admin.documentName("fixtureSaveDish")
                .variable("input", Map.of("operatorId", operatorId, "name", name + System.nanoTime(), "price", price)).execute()
                .path("saveDish.userErrors").entityList(Object.class).hasSize(0)
                .path("saveDish.dish.id").entity(String.class).get();
    }
}
