package org.zhucan.common.error;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller's mistake (asking for what the role may not see, a malformed id, a number beyond what
 * a column holds) is answered as such: null, a user error, BAD_REQUEST, FORBIDDEN or NOT_FOUND,
 * never INTERNAL_ERROR. Each case here was an internal error once.
 */
class CallerMistakeApiTests extends ApiTest {

    private static DistrictWorld world;
    private static String diner;
    private static String record;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() {
        // log in before the clock moves (tokens are checked against real time), then serve at lunchtime
        List.of("admin", "inspector", "family").forEach(this::as);
        clock.stopAt(ZonedDateTime.of(DistrictWorld.today(), LocalTime.of(12, 0), BusinessTime.ZONE).toInstant());
        if (world == null) {
            world = new DistrictWorld(this::as, jdbc);
            diner = world.diner(List.of());
            record = world.serve(world.siteA, diner, DistrictWorld.shanghai(DistrictWorld.today(), 11, 30));
        }
    }

    @Test
    void shouldAnswerNullWhenTheRoleMayNotReadTheMealRecord() {
        for (String role : List.of("inspector", "family")) {
            GraphQlTester.Response response = as(role).documentName("mealRecord").variable("id", record).execute();
            response.errors().verify();
            response.path("mealRecord").valueIsNull();
        }
        // the staff who may see it still do
        as(world.operatorStaff).documentName("mealRecord").variable("id", record).execute()
                .path("mealRecord.id").entity(String.class).isEqualTo(record);
    }

    @Test
    void shouldRejectOnlyTheUploadedRecordThatNamesAnUnknownDiner() {
        LocalDate today = DistrictWorld.today();
        String other = world.diner(List.of());
        Map<String, Object> known = offline("u-" + UUID.randomUUID(), other, DistrictWorld.shanghai(today, 11, 40));
        Map<String, Object> unknown = offline("u-" + UUID.randomUUID(), "987654321987", DistrictWorld.shanghai(today, 11, 41));
        upload(List.of(known, unknown))
                .path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.rejectedCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.results[1].outcome").entity(String.class).isEqualTo("REJECTED");
    }

    /** An ID number that fails its check character is the reader's mistake, refused on its record alone. */
    @Test
    void shouldRejectOnlyTheUploadedRecordWithAnInvalidIdNumber() {
        LocalDate today = DistrictWorld.today();
        Map<String, Object> known = offline("u-" + UUID.randomUUID(), world.diner(List.of()), DistrictWorld.shanghai(today, 11, 40));
        Map<String, Object> misread = new HashMap<>(offline("u-" + UUID.randomUUID(), null, DistrictWorld.shanghai(today, 11, 41)));
        misread.put("verification", Map.of("method", "ID_CARD", "idNumber", "11010119500101123X"));
        upload(List.of(known, misread))
                .path("uploadMealRecords.acceptedCount").entity(Integer.class).isEqualTo(1)
                .path("uploadMealRecords.results[1].outcome").entity(String.class).isEqualTo("REJECTED")
                .path("uploadMealRecords.results[1].userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID_NUMBER");
    }

    /** An id is a BIGINT's decimal digits: blank, letters, a sign or more than a BIGINT holds is a malformed request, wherever it stands. */
    @Test
    void shouldRefuseIdsThatAreNoNumbersAsBadRequest() {
        for (String id : List.of("", " ", "abc", "-1", "1e3", "９", "9223372036854775808")) {
            badRequest(as("admin").documentName("mealRecord").variable("id", id).execute(), "id");
            badRequest(as("admin").documentName("changeSiteStatus")
                    .variable("input", Map.of("siteId", id, "status", "SUSPENDED", "effectiveOn", DistrictWorld.today().toString()))
                    .execute(), "id");
        }
        // literal ids on purpose: the ID scalar's parsing of a literal, where the checks above send variables
        badRequest(as("admin").document("{ site(id: \"\") { id } }").execute(), "id");
        // the largest BIGINT is an id, of nothing (a literal, as above)
        as("admin").document("{ site(id: \"9223372036854775807\") { id } }").execute().errors().verify().path("site").valueIsNull();
    }

    /** Dates and instants only within what a DATE or DATETIME column holds (years 1000 to 9999). */
    @Test
    void shouldRefuseDatesNoColumnHoldsAsBadRequest() {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "0999-12-31", "10000-01-01")) {
            badRequest(as("admin").documentName("recordAbilityAssessmentErrors")
                    .variable("input", Map.of("dinerId", diner, "level", 2, "assessedOn", date, "assessor", "评估员")).execute(), "ISO date");
        }
        // literal dates on purpose: the Date and DateTime scalars' parsing of a literal is what is tested
        badRequest(as("admin").document("{ echoTime(date: \"2026-11-22\", at: \"+999999999-12-31T23:59:59Z\") { at } }").execute(), "date-time");
        // microseconds are what is kept: finer digits are dropped on input (a literal, as above)
        as("admin").document("{ echoTime(date: \"9999-12-31\", at: \"2026-11-22T03:30:00.123456789Z\") { date at } }").execute()
                .errors().verify()
                .path("echoTime.date").entity(String.class).isEqualTo("9999-12-31")
                .path("echoTime.at").entity(String.class).isEqualTo("2026-11-22T11:30:00.123456+08:00");
    }

    /** A string longer than its nested field allows is refused naming the field, before the database would. */
    @Test
    void shouldRefuseATooLongNestedValueNamingItsField() {
        Map<String, Object> category = Map.of("category", "MIN_LIVING", "evidenceRef", "证".repeat(129), "validFrom", "2024-01-01");
        GraphQlTester.Response response = as("admin")
                .documentName("updateDinerErrors")
                .variable("input", Map.of("dinerId", diner, "categories", List.of(category))).execute();
        response.errors().expect(error -> "BAD_REQUEST".equals(String.valueOf(error.getErrorType()))
                && List.of("input", "categories", "0", "evidenceRef").equals(error.getExtensions().get("field"))).verify();
    }

    @Test
    void shouldRefuseASetMealOfMoreDishesThanItCanKeepAsAUserError() {
        String dish = as("admin").documentName("fixtureMenuDishIds")
                .variable("siteId", world.siteA).variable("slot", "LUNCH").variable("date", DistrictWorld.today().toString()).execute()
                .path("menu.items[0].dish.id").entity(String.class).get();
        Map<String, Object> input = Map.of("siteId", world.siteA, "date", DistrictWorld.today().plusDays(2).toString(), "slot", "LUNCH",
                "items", List.of(Map.of("dishId", dish)),
                "setMeals", List.of(Map.of("name", "大套餐", "price", "10.00", "dishIds", java.util.Collections.nCopies(21, dish))));
        as("admin").documentName("saveMenu")
                .variable("input", input).execute()
                .errors().verify()
                .path("saveMenu.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("saveMenu.userErrors[0].field").entity(List.class).isEqualTo(List.of("input", "setMeals", "0", "dishIds"));
    }

    @Test
    void shouldRefuseANegativeStandardPriceAsAUserError() {
        Map<String, Object> input = Map.of("districtId", world.districtId, "name", "负价政策", "effectiveFrom", "2024-01-01",
                "standardPrice", "-0.01", "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1,
                "tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                        "shares", List.of(Map.of("source", "CITY", "remainder", true)))));
        as("admin").documentName("createSubsidyPolicy")
                .variable("input", input).execute()
                .errors().verify()
                .path("createSubsidyPolicy.userErrors[0].code").entity(String.class).isEqualTo("INVALID_POLICY");
    }

    /** Versions are numbered per district: two created at once never fail the one that lost the number; it is told to send again. */
    @Test
    void shouldAnswerPoliciesCreatedAtOnceWithAPolicyOrAConcurrentChange() throws Exception {
        Map<String, Object> input = Map.of("districtId", world.districtId, "name", "同时政策", "effectiveFrom", "2024-01-01",
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1,
                "tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                        "shares", List.of(Map.of("source", "CITY", "remainder", true)))));
        HttpGraphQlTester admin = as("admin");
        List<String> outcomes = Race.run(8, i -> {
            GraphQlTester.Response response = admin
                    .documentName("createSubsidyPolicy")
                    .variable("input", input).execute();
            response.errors().verify();
            List<String> codes = response.path("createSubsidyPolicy.userErrors[*].code").entityList(String.class).get();
            return codes.isEmpty() ? "created" : String.join(",", codes);
        });
        assertThat(outcomes).contains("created").allMatch(outcome -> outcome.equals("created") || outcome.equals("CONCURRENT_CHANGE"));
    }

    /** The last net: a value the database refuses that validation let through is the caller's BAD_REQUEST, not an internal fault. */
    @Test
    void shouldAnswerAValueTheDatabaseRefusesAsBadRequest() {
        GraphQlTester.Response response = as("admin").documentName("platformStoreOutOfRange").execute();
        response.errors().expect(error -> "BAD_REQUEST".equals(String.valueOf(error.getErrorType()))
                && error.getMessage().startsWith("Invalid input") && !error.getMessage().contains("TINYINT")
                && !error.getMessage().contains("platform_range_check")).verify();
    }

    private static void badRequest(GraphQlTester.Response response, String mentioning) {
        response.errors().expect(error -> "BAD_REQUEST".equals(String.valueOf(error.getErrorType()))
                && error.getMessage().contains(mentioning)).verify();
    }

    private GraphQlTester.Response upload(List<Map<String, Object>> records) {
        GraphQlTester.Response response = as(world.operatorStaff).documentName("uploadMealRecords")
                .variable("input", Map.of("siteId", world.siteA, "records", records)).execute();
        response.errors().verify();
        return response;
    }

    private static Map<String, Object> offline(String clientRecordId, String dinerId, String servedAt) {
        Map<String, Object> record = new HashMap<>(Map.of("clientRecordId", clientRecordId, "slot", "LUNCH", "servedAt", servedAt,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人无法出示证件"),
                "items", List.of(Map.of("setMealName", "套餐A"))));
        if (dinerId != null) {
            record.put("dinerId", dinerId);
        }
        return record;
    }
}
