package org.zhucan.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;

/**
 * A district of its own whose policy subsidises LUNCH and DINNER, one meal a day and at most 8.00
 * a month (5.00 a meal = CITY 2.00 + DISTRICT rest, diner floor 1.00): what the subsidy limits are
 * tested with. Its operator runs canteens serving LUNCH 11:00–13:00 and DINNER 17:00–19:00, each
 * OPERATING since ten days ago, with 套餐A at 10.00 on published menus of both slots for the dates
 * asked; diners are ACTIVE village residents aged 65 to 75, copied fast from one registered diner.
 */
public final class TwoSlotDistrict {

    public static final String LUNCH_HOURS_FROM = "11:00";
    public static final String LUNCH_HOURS_TO = "13:00";

    public final String districtId;
    public final String villageId;
    public final String operatorId;
    public final String staff;

    private final Function<String, HttpGraphQlTester> as;
    private final JdbcTemplate jdbc;
    private final NetworkFixtures network;
    private final String templateDiner;

    public TwoSlotDistrict(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc) {
        this.as = as;
        this.jdbc = jdbc;
        HttpGraphQlTester admin = as.apply("admin");
        network = new NetworkFixtures(admin, jdbc);
        String code = network.freshDistrictCode();
        districtId = network.createRegion(null, code, "限额测试区", "DISTRICT");
        String town = network.createRegion(districtId, code.substring(0, 6) + "101000", "限额测试镇", "TOWN");
        villageId = network.createRegion(town, code.substring(0, 6) + "101201", "限额测试村", "VILLAGE");
        operatorId = network.createOperator("限额测试餐饮公司" + System.nanoTime());
        publishPolicy(admin);
        staff = TestAccounts.create(jdbc, "OPERATOR", operatorId, null, "限额测试员");
        as.apply(staff);
        templateDiner = new DinerFixtures(admin, jdbc).registerActiveSince2020("限额老人", villageId,
                LocalDate.of(1955, 3, 14), List.of(), null);
    }

    /** A canteen of the operator, OPERATING since ten days ago, with 套餐A on LUNCH and DINNER menus of each date given. */
    public String canteen(LocalDate... menuDates) {
        HttpGraphQlTester admin = as.apply("admin");
        String name = "限额测试食堂" + System.nanoTime();
        String site = admin.documentName("createSite").variable("input", Map.of("name", name, "kind", "CANTEEN", "communityId", villageId,
                        "operatorId", operatorId, "address", name + "门口",
                        "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", LUNCH_HOURS_FROM, "servesTo", LUNCH_HOURS_TO, "seats", 30),
                                Map.of("slot", "DINNER", "servesFrom", "17:00", "servesTo", "19:00", "seats", 30)),
                        "fulfilments", List.of(Map.of("mode", "DINE_IN")))).execute()
                .path("createSite.userErrors").entityList(Object.class).hasSize(0)
                .path("createSite.site.id").entity(String.class).get();
        String since = DistrictWorld.today().minusDays(10).toString();
        network.backdatePlanned(site, since);
        network.open(site, since, since);
        String fish = dish(admin, "清蒸鱼", "8.00");
        String rice = dish(admin, "米饭", "1.00");
        for (LocalDate date : menuDates) {
            for (String slot : List.of("LUNCH", "DINNER")) {
                String menuId = admin.documentName("saveMenu").variable("input", Map.of("siteId", site, "date", date.toString(), "slot", slot,
                                "items", List.of(Map.of("dishId", fish), Map.of("dishId", rice)),
                                "setMeals", List.of(Map.of("name", "套餐A", "price", "10.00", "dishIds", List.of(fish, rice))))).execute()
                        .path("saveMenu.userErrors").entityList(Object.class).hasSize(0)
                        .path("saveMenu.menu.id").entity(String.class).get();
                admin.document("mutation { publishMenu(input: { menuId: \"" + menuId + "\" }) { userErrors { code } } }").execute()
                        .path("publishMenu.userErrors").entityList(Object.class).hasSize(0);
            }
        }
        return site;
    }

    /** Fresh ACTIVE diners of the village, each with its own look-up hash and status history. */
    public List<String> diners(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("""
                        INSERT INTO diner (name, id_number_enc, id_number_hash, id_number_masked, birth_date, sex, phone_enc, phone_masked,
                                           home_community_id, address, dietary_notes, status, status_since, version, created_at, updated_at)
                        SELECT name, id_number_enc, SHA2(UUID(), 256), id_number_masked, birth_date, sex, phone_enc, phone_masked,
                               home_community_id, address, dietary_notes, status, status_since, 0, created_at, updated_at
                        FROM diner WHERE id = ?""", java.sql.Statement.RETURN_GENERATED_KEYS);
                statement.setLong(1, Long.parseLong(templateDiner));
                return statement;
            }, key);
            String id = String.valueOf(key.getKey().longValue());
            jdbc.update("""
                    INSERT INTO diner_status_change (diner_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
                    VALUES (?, NULL, 'ACTIVE', '2020-01-01', 'test copy', 'test', UTC_TIMESTAMP(6))""", Long.valueOf(id));
            ids.add(id);
        }
        return ids;
    }

    /** A walk-in's 套餐A as logMeal takes it (a fresh idempotency key each time). */
    public static Map<String, Object> walkIn(String site, String slot, String diner, String servedAt) {
        return new HashMap<>(Map.of("idempotencyKey", "k-" + java.util.UUID.randomUUID(), "siteId", site, "slot", slot, "dinerId", diner,
                "servedAt", servedAt, "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"),
                "items", List.of(Map.of("setMealName", "套餐A"))));
    }

    /** The same walk-in as an offline record of an upload. */
    public static Map<String, Object> offline(String clientRecordId, String slot, String diner, String servedAt) {
        return new HashMap<>(Map.of("clientRecordId", clientRecordId, "slot", slot, "dinerId", diner, "servedAt", servedAt,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "离线补录"), "items", List.of(Map.of("setMealName", "套餐A"))));
    }

    private String dish(HttpGraphQlTester admin, String name, String price) {
        return admin.document("mutation($input: SaveDishInput!) { saveDish(input: $input) { dish { id } userErrors { code } } }")
                .variable("input", Map.of("operatorId", operatorId, "name", name + System.nanoTime(), "price", price)).execute()
                .path("saveDish.userErrors").entityList(Object.class).hasSize(0)
                .path("saveDish.dish.id").entity(String.class).get();
    }

    private void publishPolicy(HttpGraphQlTester admin) {
        Map<String, Object> input = new HashMap<>(Map.of("districtId", districtId, "name", "限额测试政策", "effectiveFrom", "2024-01-01",
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "monthlyCap", "8.00", "standardPrice", "10.00"));
        input.put("tiers", List.of(Map.of("slots", List.of("LUNCH", "DINNER"), "minAge", 60, "subsidy", "5.00",
                "shares", List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true)))));
        String policy = admin.document("""
                        mutation($input: CreateSubsidyPolicyInput!) {
                          createSubsidyPolicy(input: $input) { policy { id } userErrors { code message } }
                        }""")
                .variable("input", input).execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        admin.document("mutation { publishSubsidyPolicy(input: { policyId: \"" + policy + "\" }) { userErrors { code } } }").execute()
                .path("publishSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0);
    }
}
