package org.zhucan.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place that quotes a meal gives the same answer for a tier that needs an ability level:
 * quoteMeal, bookMeal, logMeal and an offline upload. In a district of its own (DistrictWorld), a
 * second policy version (the default schedule: due six months after the assessment, 30 days' grace)
 * adds a 失能 tier of 8.00 for DISABLED diners at level 3 or above over 5.00 for everyone; one diner
 * per path assessed about six months and five days before today (within grace), one six months and
 * forty days before (grace over). Dates are relative to today, as the meals are.
 */
class AssessmentQuotePathsTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    DistrictWorld world;
    String site;
    LocalDate today;
    LocalDate tomorrow;

    @BeforeEach
    void district() {
        world = new DistrictWorld(this::as, jdbc);
        today = DistrictWorld.today();
        tomorrow = today.plusDays(1);
        site = Canteens.open(as("admin"), jdbc, world.villageId, world.operatorId, "评估食堂", today, tomorrow);
        Map<String, Object> input = new HashMap<>(Map.of("districtId", world.districtId, "name", "评估挂钩政策", "effectiveFrom", "2024-01-02",
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1));
        List<Map<String, Object>> shares = List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true));
        input.put("tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00", "shares", shares),
                Map.of("slots", List.of("LUNCH"), "minAge", 60, "categories", List.of("DISABLED"), "minAbilityLevel", 3, "subsidy", "8.00",
                        "shares", shares)));
        String policy = as("admin").documentName("assessmentCreatePolicy").variable("input", input).execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        as("admin").documentName("subsidyPublishPolicy").variable("input", Map.of("policyId", policy)).execute()
                .path("publishSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldQuoteTheSameWhereverTheMealIsQuoted() {
        for (String path : List.of("quoteMeal", "bookMeal", "logMeal", "upload")) {
            String inGrace = assessedDiner(today.minusMonths(6).minusDays(5));
            String expired = assessedDiner(today.minusMonths(6).minusDays(40));
            LocalDate date = path.equals("bookMeal") ? tomorrow : today;
            // quoteMeal before the meal is booked or served: afterwards the day's subsidised meal is taken
            Quoted quotedInGrace = quoteBy("quoteMeal", inGrace, date);
            Quoted quotedExpired = quoteBy("quoteMeal", expired, date);
            assertThat(quoteBy(path, inGrace)).as(path + ", within grace").isEqualTo(quotedInGrace)
                    .isEqualTo(new Quoted("8.00", List.of("TIER", "ASSESSMENT_IN_GRACE")));
            assertThat(quoteBy(path, expired)).as(path + ", grace over").isEqualTo(quotedExpired)
                    .isEqualTo(new Quoted("5.00", List.of("ASSESSMENT_EXPIRED", "TIER")));
        }
    }

    /** A quote's subsidy and the rules behind it. */
    record Quoted(String subsidy, List<String> rules) {
    }

    private String assessedDiner(LocalDate assessedOn) {
        String diner = world.diner(List.of("DISABLED"));
        as("admin").documentName("assessmentRecord")
                .variable("input", Map.of("dinerId", diner, "level", 4, "assessedOn", assessedOn.toString(), "assessor", "评估员李某")).execute()
                .path("recordAbilityAssessment.userErrors").entityList(Object.class).hasSize(0);
        return diner;
    }

    private Quoted quoteBy(String path, String diner) {
        return quoteBy(path, diner, path.equals("bookMeal") ? tomorrow : today);
    }

    private Quoted quoteBy(String path, String diner, LocalDate date) {
        Map<String, Object> verification = Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便");
        List<Map<String, Object>> items = List.of(Map.of("setMealName", "套餐A"));
        String quote = switch (path) {
            case "quoteMeal" -> "quoteMeal";
            case "bookMeal" -> "bookMeal.booking.quote";
            case "logMeal" -> "logMeal.record.quote";
            default -> "uploadMealRecords.results[0].record.quote";
        };
        GraphQlTester.Response response = switch (path) {
            case "quoteMeal" -> as("admin").documentName("assessmentQuote").variable("dinerId", diner).variable("siteId", site)
                    .variable("date", date.toString()).variable("price", "10.00").execute();
            case "bookMeal" -> as("admin").documentName("assessmentBookMeal").variable("input", Map.of("idempotencyKey", key(), "dinerId", diner,
                    "siteId", site, "date", date.toString(), "slot", "LUNCH", "fulfilment", "DINE_IN", "items", items)).execute();
            case "logMeal" -> as(world.operatorStaff).documentName("assessmentLogMeal").variable("input", Map.of("idempotencyKey", key(),
                    "siteId", site, "slot", "LUNCH", "dinerId", diner, "verification", verification, "items", items)).execute();
            default -> as(world.operatorStaff).documentName("assessmentUpload").variable("input", Map.of("siteId", site, "records", List.of(
                    Map.of("clientRecordId", key(), "slot", "LUNCH", "servedAt", Instant.now().toString(), "dinerId", diner,
                            "verification", verification, "items", items)))).execute();
        };
        return new Quoted(response.path(quote + ".subsidy").entity(String.class).get(),
                response.path(quote + ".reasons[*].rule").entityList(String.class).get());
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }
}
