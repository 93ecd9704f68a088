package org.zhucan.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TwoSlotDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.TwoSlotDistrict.walkIn;

/**
 * One prepaid balance under top-ups and prepaid meals racing through two application instances against the real
 * database: no entry is lost, the balance is the sum of its entries and never below zero, and every meal the
 * balance could not cover was refused with nothing written.
 */
class PrepaidConcurrencyTests extends ApiTest {

    private static final int TOP_UPS = 10;
    private static final int MEALS = 20;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldLoseNoEntryAndNeverGoBelowZeroWhenTwoInstancesTopUpAndPayAtOnce() throws Exception {
        LocalDate yesterday = DistrictWorld.today().minusDays(1);
        TwoSlotDistrict world = new TwoSlotDistrict(this::as, jdbc);
        String site = world.canteen(yesterday);
        String diner = world.diners(1).get(0);
        HttpGraphQlTester first = as(world.staff);
        // 20.00 to start with, so that some meal is paid whatever the order; the meals ask 5.00 + 19 x 10.00 of at most 120.00
        assertThat(topUp(first, diner, site, "20.00")).isEqualTo("topped up");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(secondPort).isNotEqualTo(port);
            HttpGraphQlTester other = testerAt(secondPort, world.staff);
            List<String> outcomes = Race.run(TOP_UPS + MEALS, i -> {
                HttpGraphQlTester instance = i % 2 == 0 ? first : other;
                if (i < TOP_UPS) {
                    return topUp(instance, diner, site, "10.00");
                }
                Map<String, Object> meal = walkIn(site, i % 3 == 0 ? "DINNER" : "LUNCH", diner, shanghai(yesterday, i % 3 == 0 ? 18 : 12, 0));
                meal.put("payment", Map.of("method", "PREPAID"));
                GraphQlTester.Response response = instance.documentName("logMeal").variable("input", meal).execute();
                List<Map> errors = response.path("logMeal.userErrors").entityList(Map.class).get();
                return errors.isEmpty() ? "paid" : errors.get(0).get("code").toString();
            });
            assertThat(outcomes.subList(0, TOP_UPS)).containsOnly("topped up");
            assertThat(outcomes.subList(TOP_UPS, outcomes.size())).containsOnly("paid", "INSUFFICIENT_BALANCE").contains("paid", "INSUFFICIENT_BALANCE");
            long paid = outcomes.stream().filter("paid"::equals).count();

            long dinerId = Long.parseLong(diner);
            long balance = jdbc.queryForObject("SELECT balance_fen FROM prepaid_balance WHERE diner_id = ?", Long.class, dinerId);
            long ledger = jdbc.queryForObject("SELECT SUM(amount_fen) FROM prepaid_entry WHERE diner_id = ?", Long.class, dinerId);
            long topUps = jdbc.queryForObject("SELECT COUNT(*) FROM prepaid_entry WHERE diner_id = ? AND kind = 'TOP_UP'", Long.class, dinerId);
            long mealEntries = jdbc.queryForObject("SELECT COUNT(*) FROM prepaid_entry WHERE diner_id = ? AND kind = 'MEAL'", Long.class, dinerId);
            long charged = jdbc.queryForObject("""
                    SELECT COALESCE(SUM(p.amount_fen), 0) FROM payment p JOIN meal_record m ON m.id = p.meal_record_id
                    WHERE p.diner_id = ? AND p.method = 'PREPAID' AND p.amount_fen = m.diner_pays_fen""", Long.class, dinerId);
            assertThat(topUps).isEqualTo(TOP_UPS + 1);
            assertThat(mealEntries).isEqualTo(paid);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Long.class, dinerId)).isEqualTo(paid);
            assertThat(balance).isEqualTo(ledger).isEqualTo(2_000 + TOP_UPS * 1_000 - charged).isNotNegative();
        }
    }

    private static String topUp(HttpGraphQlTester tester, String diner, String site, String amount) {
        GraphQlTester.Response response = tester.document("""
                        mutation($input: TopUpPrepaidInput!) { topUpPrepaid(input: $input) { entry { id } userErrors { code } } }""")
                .variable("input", Map.of("idempotencyKey", "k-" + java.util.UUID.randomUUID(), "dinerId", diner, "siteId", site, "amount", amount,
                        "method", "CASH")).execute();
        List<Map> errors = response.path("topUpPrepaid.userErrors").entityList(Map.class).get();
        return errors.isEmpty() ? "topped up" : errors.get(0).get("code").toString();
    }
}
