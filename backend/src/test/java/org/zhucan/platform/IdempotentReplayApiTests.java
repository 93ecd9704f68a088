package org.zhucan.platform;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idempotent mutation sent again answers exactly what it answered the first time, byte for
 * byte, for a selection of everything its payload offers three levels down (every DateTime among
 * it). The clock stands at an instant with nanoseconds, which the database cannot keep: a first
 * answer built from the instant in hand, rather than from what was stored, would show them.
 */
class IdempotentReplayApiTests extends ApiTest {

    private static DistrictWorld world;
    private static String site;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GraphQlSource graphQlSource;

    private final JsonMapper json = JsonMapper.builder().build();
    private String staffToken;

    @BeforeEach
    void world() {
        if (world == null) {
            world = new DistrictWorld(this::as, jdbc);
            LocalDate today = DistrictWorld.today();
            site = Canteens.open(as("admin"), jdbc, world.villageId, world.operatorId, "重放测试食堂", today, today.plusDays(1));
        }
        // log in before the clock moves: tokens are checked against real time
        staffToken = login(world.operatorStaff, DEMO_PASSWORD);
        clock.stopAt(ZonedDateTime.of(DistrictWorld.today(), LocalTime.of(12, 0, 0, 123_456_789), BusinessTime.ZONE).toInstant());
    }

    @Test
    void shouldReplayBookMealAndCancelBookingAsFirstAnswered() {
        String diner = world.diner(List.of());
        Map<String, Object> book = Map.of("dinerId", diner, "siteId", site, "date", tomorrow(), "slot", "LUNCH", "fulfilment", "DINE_IN",
                "items", List.of(Map.of("setMealName", "套餐A")));
        JsonNode booked = sameTwice("bookMeal", book);
        String booking = booked.path("data").path("bookMeal").path("booking").path("id").asString();
        sameTwice("cancelBooking", Map.of("bookingId", booking, "reason", "老人住院"));
    }

    @Test
    void shouldReplayCreateAndPauseRecurringBookingAsFirstAnswered() {
        String diner = world.diner(List.of());
        JsonNode created = sameTwice("createRecurringBooking", Map.of("dinerId", diner, "siteId", site, "slot", "LUNCH", "fulfilment", "DINE_IN",
                "weekdays", Arrays.stream(DayOfWeek.values()).map(Enum::name).toList(), "startsOn", tomorrow(),
                "endsOn", DistrictWorld.today().plusDays(20).toString()));
        String recurring = created.path("data").path("createRecurringBooking").path("recurringBooking").path("id").asString();
        sameTwice("pauseRecurringBooking", Map.of("recurringBookingId", recurring, "from", tomorrow(), "to", tomorrow(), "reason", "探亲"));
    }

    @Test
    void shouldReplayLogVoidAndCorrectMealRecordAsFirstAnswered() {
        JsonNode logged = sameTwice("logMeal", walkIn(world.diner(List.of())));
        String record = logged.path("data").path("logMeal").path("record").path("id").asString();
        sameTwice("voidMealRecord", Map.of("recordId", record, "reason", "重复录入"));

        String another = sameTwice("logMeal", walkIn(world.diner(List.of()))).path("data").path("logMeal").path("record").path("id").asString();
        sameTwice("correctMealRecord", Map.of("recordId", another, "reason", "份数录错",
                "items", List.of(Map.of("setMealName", "套餐A", "quantity", 2))));
    }

    /** An offline upload sent again names its records as first accepted (its outcome says DUPLICATE, by design). */
    @Test
    void shouldReplayUploadedRecordsAsFirstAccepted() {
        String servedAt = ZonedDateTime.of(DistrictWorld.today(), LocalTime.of(11, 45, 0, 987_654_321), BusinessTime.ZONE)
                .toOffsetDateTime().toString();
        Map<String, Object> record = Map.of("clientRecordId", "r-" + UUID.randomUUID(), "slot", "LUNCH", "dinerId", world.diner(List.of()),
                "servedAt", servedAt, "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"),
                "items", List.of(Map.of("setMealName", "套餐A")));
        Map<String, Object> input = Map.of("siteId", site, "records", List.of(record));
        String document = document("uploadMealRecords");
        JsonNode first = json.readTree(send(document, input)).path("data").path("uploadMealRecords").path("results").path(0);
        JsonNode again = json.readTree(send(document, input)).path("data").path("uploadMealRecords").path("results").path(0);
        assertThat(first.path("outcome").asString()).as("first upload: %s", first).isEqualTo("ACCEPTED");
        assertThat(again.path("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(again.path("record").toString()).isEqualTo(first.path("record").toString());
    }

    /** Sends the mutation twice with one idempotency key; asserts the answers are the same bytes and no error; returns the first. */
    private JsonNode sameTwice(String mutation, Map<String, Object> inputWithoutKey) {
        Map<String, Object> input = new java.util.LinkedHashMap<>(inputWithoutKey);
        input.put("idempotencyKey", "k-" + UUID.randomUUID());
        String document = document(mutation);
        String first = send(document, input);
        String again = send(document, input);
        JsonNode answer = json.readTree(first);
        assertThat(answer.path("errors").isMissingNode()).as("%s answered %s", mutation, first).isTrue();
        assertThat(answer.path("data").path(mutation).path("userErrors")).as("%s answered %s", mutation, first).isEmpty();
        assertThat(again).as("%s sent again", mutation).isEqualTo(first);
        return answer;
    }

    /** The mutation with everything its payload offers, three levels down. */
    private String document(String mutation) {
        GraphQLFieldDefinition field = graphQlSource.schema().getMutationType().getFieldDefinition(mutation);
        String type = graphql.schema.GraphQLTypeUtil.simplePrint(field.getArgument("input").getType());
        // generated from the schema: every replayable mutation with its whole payload
        return "mutation($input: " + type + ") { " + mutation + "(input: $input) " + FuzzCases.selection(field.getType(), 3) + " }";
    }

    private String send(String document, Map<String, Object> input) {
        byte[] body = FuzzJson.write(Map.of("query", document, "variables", Map.of("input", input))).getBytes(StandardCharsets.UTF_8);
        return new String(http().post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + staffToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> walkIn(String diner) {
        return Map.of("siteId", site, "slot", "LUNCH", "dinerId", diner,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便"),
                "items", List.of(Map.of("setMealName", "套餐A")));
    }

    private static String tomorrow() {
        return DistrictWorld.today().plusDays(1).toString();
    }
}
