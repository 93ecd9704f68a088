package org.zhucan.common.error;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.TestClock;

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

    @Autowired
    TestClock clock;

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

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void shouldAnswerNullWhenTheRoleMayNotReadTheMealRecord() {
        for (String role : List.of("inspector", "family")) {
            GraphQlTester.Response response = as(role).document("query($id: ID!) { mealRecord(id: $id) { id } }").variable("id", record).execute();
            response.errors().verify();
            response.path("mealRecord").valueIsNull();
        }
        // the staff who may see it still do
        as(world.operatorStaff).document("query($id: ID!) { mealRecord(id: $id) { id } }").variable("id", record).execute()
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

    private GraphQlTester.Response upload(List<Map<String, Object>> records) {
        GraphQlTester.Response response = as(world.operatorStaff).document("""
                        mutation($input: UploadMealRecordsInput!) {
                          uploadMealRecords(input: $input) { acceptedCount rejectedCount results { outcome userErrors { code field } } }
                        }""")
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
