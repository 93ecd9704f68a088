package org.zhucan.evaluation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.TestAccounts;

/**
 * Two operators in a district of their own, and what the quality features record of them today:
 * P (the world's operator, canteens A and B) and Q (one canteen). Each step goes through the API,
 * as the people concerned would.
 */
final class QualityWorld {

    final DistrictWorld district;
    final DistrictWorld.Venue q;
    final String inspector;

    private final Function<String, HttpGraphQlTester> as;
    private final JdbcTemplate jdbc;

    QualityWorld(Function<String, HttpGraphQlTester> as, JdbcTemplate jdbc) {
        this.as = as;
        this.jdbc = jdbc;
        district = new DistrictWorld(as, jdbc);
        q = district.venue("考核测试餐饮公司");
        inspector = district.account("INSPECTOR", null, district.districtId);
    }

    static LocalDate today() {
        return DistrictWorld.today();
    }

    static ZonedDateTime todayAt(int hour, int minute) {
        return ZonedDateTime.of(today(), LocalTime.of(hour, minute), BusinessTime.ZONE);
    }

    /** A DINER account acting for the diner, logged in now (its token lists the diner). */
    String familyOf(String diner) {
        String username = TestAccounts.create(jdbc, "DINER", null, null, "考核测试家属");
        Canteens.linkFamily(as.apply("admin"), username, diner);
        as.apply(username);
        return username;
    }

    /** Books today's lunch at the site (set meal 套餐A, dine-in) by the staff given. */
    void book(String staff, String site, String diner) {
        as.apply(staff).documentName("bookMeal")
                .variable("input", Map.of("idempotencyKey", "k-" + UUID.randomUUID(), "dinerId", diner, "siteId", site, "date", today().toString(),
                        "slot", "LUNCH", "fulfilment", "DINE_IN", "items", List.of(Map.of("setMealName", "套餐A"))))
                .execute().path("bookMeal.userErrors").entityList(Object.class).hasSize(0);
    }

    void rate(String family, String record, int score) {
        as.apply(family).documentName("rateMeal")
                .variable("input", Map.of("mealRecordId", record, "score", score, "tags", List.of())).execute()
                .path("rateMeal.userErrors").entityList(Object.class).hasSize(0);
    }

    void inspect(String site, String result) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("siteId", site, "inspectedOn", today().toString(), "result", result,
                "items", List.of(Map.of("item", "STORAGE", "passed", result.equals("PASSED")))));
        if (!result.equals("PASSED")) {
            input.put("followUpDue", today().plusDays(7).toString());
        }
        as.apply(inspector).documentName("recordInspection")
                .variable("input", input).execute()
                .path("recordInspection.userErrors").entityList(Object.class).hasSize(0);
    }

    void logSample(String staff, String site) {
        as.apply(staff).documentName("logSampleRetention")
                .variable("input", Map.of("siteId", site, "date", today().toString(), "slot", "LUNCH",
                        "keptAt", todayAt(11, 40).toOffsetDateTime().toString(), "keeper", "王师傅",
                        "dishes", List.of(Map.of("name", "清蒸鱼", "weightGrams", 150)))).execute()
                .path("logSampleRetention.userErrors").entityList(Object.class).hasSize(0);
    }

    void setWeights(String month, int operatingRate, int satisfaction, int inspection, int flags, int noShow) {
        as.apply("admin").documentName("evaluationSetWeights")
                .variable("input", Map.of("districtId", district.districtId, "effectiveMonth", month, "operatingRate", operatingRate,
                        "satisfaction", satisfaction, "inspection", inspection, "flags", flags, "noShow", noShow)).execute()
                .path("setEvaluationWeights.userErrors").entityList(Object.class).hasSize(0);
    }
}
