package org.zhucan.menu;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.bookInput;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.setMeal;
import static org.zhucan.booking.BookingFixtures.today;

/**
 * Issue 24, point 3: allergies and diet needs as structured values, with their readers and writers;
 * a menu read for a diner marking the dishes with the diner's allergens (never fitting), over the
 * shared cached menu; a booking of such a dish refused unless confirmed, and audited when confirmed;
 * salt, oil and sugar per dish against the slot's share of the daily target.
 *
 * <p>The lunch of every test: 鸡蛋羹 (EGG, SOFT; salt 1.5 g, oil 12 g, sugar 0.5 g), 清蒸鱼 (SOFT; salt 0.4 g,
 * oil 3 g, sugar 9.5 g), 炒豆角 (no tag, no amounts), and 套餐A of the first two. Lunch targets with the
 * default settings: salt 5 g × 40% = 2 g, oil 25 g × 40% = 10 g, sugar 25 g × 40% = 10 g.
 */
class AllergiesAndNutritionApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    String site;
    String egg;
    String fish;
    String beans;
    LocalDate tomorrow;

    @BeforeEach
    void lunch() {
        logInDemoAccounts();
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        site = fixtures.canteen(30, LocalTime.of(23, 59));
        egg = saveDish(Map.of("name", "鸡蛋羹", "tags", List.of("SOFT"), "allergens", List.of("EGG"), "saltGrams", 1.5, "oilGrams", 12,
                "sugarGrams", 0.5)).path("saveDish.dish.id").entity(String.class).get();
        fish = saveDish(Map.of("name", "清蒸鱼", "tags", List.of("SOFT"), "saltGrams", 0.4, "oilGrams", 3, "sugarGrams", 9.5))
                .path("saveDish.dish.id").entity(String.class).get();
        beans = saveDish(Map.of("name", "炒豆角")).path("saveDish.dish.id").entity(String.class).get();
        tomorrow = today().plusDays(1);
        fixtures.publishLunch(site, tomorrow, List.of(egg, fish, beans), Arrays.asList(null, null, null));
    }

    @Test
    void shouldKeepAllergiesAsCodesWrittenByTheFamilyAuditedAndHiddenFromFinance() {
        String diner = fixtures.diner();
        fixtures.linkFamily(diner);
        setDiet("family", diner, List.of("PEANUT", "EGG"), List.of("SOFT", "LOW_SALT"))
                .path("setDinerDiet.userErrors").entityList(Object.class).hasSize(0)
                .path("setDinerDiet.diner.allergies").entityList(String.class).containsExactly("EGG", "PEANUT")
                .path("setDinerDiet.diner.dietNeeds").entityList(String.class).containsExactly("SOFT", "LOW_SALT");
        assertThat(jdbc.queryForObject("SELECT allergies FROM diner WHERE id = ?", String.class, Long.valueOf(diner))).isEqualTo("EGG,PEANUT");
        String audited = jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'DINER_DIET_SET' AND entity_id = ?",
                String.class, diner);
        assertThat(audited).contains("EGG,PEANUT").contains("SOFT,LOW_SALT");

        as("admin").documentName("dietDiner").variable("id", diner).execute()
                .path("diner.allergies").entityList(String.class).containsExactly("EGG", "PEANUT");
        as("finance").documentName("dietDiner").variable("id", diner).execute()
                .path("diner.id").entity(String.class).isEqualTo(diner)
                .path("diner.allergies").valueIsNull()
                .path("diner.dietNeeds").valueIsNull();

        // registration takes them too, and its audit row holds them
        String registered = as("admin").documentName("dietRegisterDiner").variable("input", Map.of("name", "过敏登记老人",
                        "idNumber", new org.zhucan.testsupport.DinerFixtures(as("admin"), jdbc).freshIdNumber(LocalDate.of(1940, 5, 1), false),
                        "homeCommunityId", fixtures.community(), "address", "测试地址", "allergies", List.of("MILK"), "dietNeeds", List.of("MINCED")))
                .execute().path("registerDiner.userErrors").entityList(Object.class).hasSize(0)
                .path("registerDiner.diner.allergies").entityList(String.class).containsExactly("MILK")
                .path("registerDiner.diner.dietNeeds").entityList(String.class).containsExactly("MINCED")
                .path("registerDiner.diner.id").entity(String.class).get();
        assertThat(jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'DINER_REGISTERED' AND entity_id = ?", String.class,
                registered)).contains("MILK");

        // free text is no allergen: the schema refuses it before anything runs
        assertThat(Responses.errorType(setDiet("family", diner, List.of("花生"), List.of()))).isEqualTo("BAD_REQUEST");
        // counter staff serve the diner but do not write their health record
        assertThat(Responses.errorType(setDiet("operator", diner, List.of(), List.of()))).isIn("FORBIDDEN", "NOT_FOUND");
        // a family account writes only its own diners'
        String stranger = fixtures.diner();
        assertThat(Responses.errorType(setDiet("family", stranger, List.of("EGG"), List.of()))).isIn("FORBIDDEN", "NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT allergies FROM diner WHERE id = ?", String.class, Long.valueOf(stranger))).isEmpty();
    }

    @Test
    void shouldMarkTheDinersAllergensAndNeverOfferThemAsFitting() {
        String allergic = fixtures.diner();
        setDiet("admin", allergic, List.of("EGG"), List.of("SOFT"));
        GraphQlTester.Response menu = menu(allergic);
        menu.path("menu.items[0].dinerAllergens").entityList(String.class).containsExactly("EGG")
                .path("menu.items[0].fitsDiet").entity(Boolean.class).isEqualTo(false)
                .path("menu.items[1].dinerAllergens").entityList(String.class).hasSize(0)
                .path("menu.items[1].fitsDiet").entity(Boolean.class).isEqualTo(true)
                // no allergen, but not SOFT: not fitting either
                .path("menu.items[2].dinerAllergens").entityList(String.class).hasSize(0)
                .path("menu.items[2].fitsDiet").entity(Boolean.class).isEqualTo(false)
                .path("menu.setMeals[0].dinerAllergens").entityList(String.class).containsExactly("EGG")
                .path("menu.setMeals[0].fitsDiet").entity(Boolean.class).isEqualTo(false);

        // the menu is cached once for everyone: the next diner, with no allergy, sees nothing of the first one's
        String other = fixtures.diner();
        setDiet("admin", other, List.of(), List.of("SOFT"));
        menu(other).path("menu.items[0].dinerAllergens").entityList(String.class).hasSize(0)
                .path("menu.items[0].fitsDiet").entity(Boolean.class).isEqualTo(true)
                .path("menu.setMeals[0].fitsDiet").entity(Boolean.class).isEqualTo(true);
        menu(null).path("menu.items[0].dinerAllergens").valueIsNull()
                .path("menu.items[0].fitsDiet").valueIsNull()
                .path("menu.items[0].dish.allergens").entityList(String.class).containsExactly("EGG");
        menu(allergic).path("menu.items[0].dinerAllergens").entityList(String.class).containsExactly("EGG");

        // Site.menu, the batched field, marks the same
        as("admin").documentName("dietSiteMenu").variable("siteId", site).variable("date", tomorrow.toString()).variable("slot", "LUNCH")
                .variable("forDinerId", allergic).execute()
                .path("site.menu.items[0].dinerAllergens").entityList(String.class).containsExactly("EGG")
                .path("site.menu.items[0].fitsDiet").entity(Boolean.class).isEqualTo(false)
                .path("site.menu.items[1].fitsDiet").entity(Boolean.class).isEqualTo(true)
                .path("site.menu.setMeals[0].dinerAllergens").entityList(String.class).containsExactly("EGG");
    }

    @Test
    void shouldRefuseToBookTheDinersAllergenUnlessConfirmedAndAuditTheConfirmation() {
        String diner = fixtures.diner();
        setDiet("admin", diner, List.of("EGG"), List.of());
        for (Map<String, Object> item : List.of(dishItem(egg, 1), setMeal("套餐A"))) {
            book(bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(item)))
                    .path("bookMeal.booking").valueIsNull()
                    .path("bookMeal.userErrors[0].code").entity(String.class).isEqualTo("ALLERGEN_NOT_CONFIRMED")
                    .path("bookMeal.userErrors[0].field").entityList(String.class).containsExactly("input", "confirmAllergens")
                    .path("bookMeal.userErrors[0].message").entity(String.class).matches(message -> message.contains("EGG"));
        }
        assertThat(bookingsOf(diner)).isZero();

        // what holds no allergen of the diner's books as ever
        String other = fixtures.diner();
        setDiet("admin", other, List.of("EGG"), List.of());
        book(bookInput(key(), other, site, tomorrow, "DINE_IN", List.of(dishItem(fish, 1), dishItem(beans, 1))))
                .path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log a JOIN booking b ON a.entity_id = CAST(b.id AS CHAR) "
                + "WHERE a.action = 'BOOKING_ALLERGEN_CONFIRMED' AND b.diner_id = ?", Integer.class, Long.valueOf(other))).isZero();

        Map<String, Object> confirmed = new HashMap<>(bookInput(key(), diner, site, tomorrow, "DINE_IN", List.of(dishItem(egg, 1))));
        confirmed.put("confirmAllergens", true);
        String booking = book(confirmed).path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.id").entity(String.class).get();
        String audited = jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'BOOKING_ALLERGEN_CONFIRMED' AND entity_id = ?",
                String.class, booking);
        assertThat(audited).contains("EGG").contains("鸡蛋羹").contains(diner);
    }

    @Test
    void shouldShowSaltOilAndSugarAgainstTheSlotsShareOfTheDailyTarget() {
        GraphQlTester.Response menu = menu(null);
        menu.path("menu.nutritionTargets[*].nutrient").entityList(String.class).containsExactly("SALT", "OIL", "SUGAR")
                .path("menu.nutritionTargets[0].dailyGrams").entity(Double.class).isEqualTo(5.0)
                .path("menu.nutritionTargets[0].slotGrams").entity(Double.class).isEqualTo(2.0)
                .path("menu.nutritionTargets[1].slotGrams").entity(Double.class).isEqualTo(10.0)
                .path("menu.nutritionTargets[2].slotGrams").entity(Double.class).isEqualTo(10.0);
        assertAmount(menu, "items[0]", 0, "SALT", 1.5, 2.0, true);
        assertAmount(menu, "items[0]", 1, "OIL", 12.0, 10.0, false);
        assertAmount(menu, "items[0]", 2, "SUGAR", 0.5, 10.0, true);
        assertAmount(menu, "items[1]", 2, "SUGAR", 9.5, 10.0, true);
        // the set meal sums its dishes: salt 1.9 g, oil 15 g, sugar 10.0 g (within: at most the target)
        assertAmount(menu, "setMeals[0]", 0, "SALT", 1.9, 2.0, true);
        assertAmount(menu, "setMeals[0]", 1, "OIL", 15.0, 10.0, false);
        assertAmount(menu, "setMeals[0]", 2, "SUGAR", 10.0, 10.0, true);
        // a dish without amounts is unknown, never counted as within
        menu.path("menu.items[2].nutrition[0].grams").valueIsNull()
                .path("menu.items[2].nutrition[0].withinTarget").valueIsNull();

        saveDish(Map.of("name", "咸菜", "saltGrams", -1)).path("saveDish.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("saveDish.userErrors[0].field").entityList(String.class).containsExactly("input", "saltGrams");
        saveDish(Map.of("name", "咸菜", "oilGrams", 1.25)).path("saveDish.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "oilGrams");
        saveDish(Map.of("name", "甜汤", "sugarGrams", 501)).path("saveDish.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "sugarGrams");
        saveDish(Map.of("name", "咸菜", "saltGrams", 2.5)).path("saveDish.dish.saltGrams").entity(Double.class).isEqualTo(2.5);
    }

    private static void assertAmount(GraphQlTester.Response menu, String of, int index, String nutrient, double grams, double target,
                                     boolean within) {
        String path = "menu." + of + ".nutrition[" + index + "].";
        menu.path(path + "nutrient").entity(String.class).isEqualTo(nutrient)
                .path(path + "grams").entity(Double.class).isEqualTo(grams)
                .path(path + "targetGrams").entity(Double.class).isEqualTo(target)
                .path(path + "withinTarget").entity(Boolean.class).isEqualTo(within);
    }

    private GraphQlTester.Response saveDish(Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("name", fields.get("name") + "-" + System.nanoTime());
        input.put("operatorId", fixtures.operatorId());
        input.put("price", "6.00");
        return as("operator").documentName("dietSaveDish").variable("input", input).execute();
    }

    private GraphQlTester.Response setDiet(String caller, String diner, List<String> allergies, List<String> needs) {
        return as(caller).documentName("dietSetDinerDiet")
                .variable("input", Map.of("dinerId", diner, "allergies", allergies, "dietNeeds", needs)).execute();
    }

    private GraphQlTester.Response menu(String forDinerId) {
        GraphQlTester.Request<?> request = as("admin").documentName("dietMenu").variable("siteId", site).variable("date", tomorrow.toString())
                .variable("slot", "LUNCH");
        return (forDinerId == null ? request : request.variable("forDinerId", forDinerId)).execute();
    }

    private GraphQlTester.Response book(Map<String, Object> input) {
        return as("operator").documentName("dietBookMeal").variable("input", input).execute();
    }

    private int bookingsOf(String diner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE diner_id = ?", Integer.class, Long.valueOf(diner));
    }
}
