package org.zhucan.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every root operation of the running schema, attacked one value at a time with hostile input
 * (see {@link FuzzValues}) as ADMIN and as an operator's staff, and with plausible input as every
 * other role: no answer may be an INTERNAL_ERROR or an HTTP 5xx. A caller's mistake is theirs to
 * fix, so it must say so (BAD_REQUEST, NOT_FOUND, FORBIDDEN, a user error). The cases come from
 * the schema, so a new operation is attacked without a line here; the test-only fields of
 * test-schema/ are left out. A failure names the case; the server log's "Internal error <ref>"
 * line holds its stack trace.
 */
class HostileInputFuzzTests extends ApiTest {

    private static final Logger log = LoggerFactory.getLogger(HostileInputFuzzTests.class);

    private static final Set<String> ROOTS = Set.of("Query", "Mutation");

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

    @Test
    void shouldAnswerEveryHostileValueOfEveryOperationWithoutAnInternalError() throws Exception {
        long started = System.nanoTime();
        DistrictWorld world = new DistrictWorld(this::as, jdbc);
        Map<String, Object> byRootField = new HashMap<>(Map.of("site", world.siteA, "operator", world.operatorId, "region", world.villageId));
        FuzzCases cases = new FuzzCases(new FuzzValues(idsByName(world, byRootField), byRootField), hints());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of("admin", world.operatorStaff, world.financeA, "inspector", "family")) {
            tokens.put(role, login(role, DEMO_PASSWORD));
        }
        Set<String> testOnly = testOnlyFields();
        GraphQLSchema schema = graphQlSource.schema();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> requests = new ArrayList<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType()}) {
            String operationType = root.getName().equals("Query") ? "query" : "mutation";
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                if (testOnly.contains(field.getName())) {
                    continue;
                }
                String selection = selectionFor(operationType, field, cases, tokens.get("admin"));
                for (Map.Entry<String, String> role : tokens.entrySet()) {
                    // ADMIN gets every attack; the operator's staff every third (a different third on each leaf); the others the plausible request
                    boolean admin = role.getKey().equals("admin");
                    boolean attack = admin || role.getKey().equals(world.operatorStaff);
                    List<FuzzCases.Case> ofRole = cases.of(operationType, field, selection, !attack);
                    for (int i = 0; i < ofRole.size(); i++) {
                        if (admin || i % 3 == 0) {
                            FuzzCases.Case fuzz = ofRole.get(i);
                            requests.add(() -> {
                                String failure = check(role.getValue(), fuzz);
                                if (failure != null) {
                                    failures.add(role.getKey() + " " + fuzz.label() + " → " + failure);
                                }
                            });
                        }
                    }
                }
            }
        }
        // a few at a time, as counters and screens would send them
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            for (Future<?> sent : senders.invokeAll(requests.stream().map(Executors::callable).toList())) {
                sent.get();
            }
        } finally {
            senders.shutdownNow();
        }
        int sent = requests.size();
        WebSocketFuzz webSocket = new WebSocketFuzz(port);
        for (GraphQLFieldDefinition field : schema.getSubscriptionType().getFieldDefinitions()) {
            String selection = FuzzCases.selection(field.getType(), 1);
            for (String role : List.of("admin", world.operatorStaff)) {
                for (FuzzCases.Case fuzz : cases.of("subscription", field, selection, false)) {
                    String failure = webSocket.check(tokens.get(role), fuzz.document(), FuzzJson.write(fuzz.variables()));
                    sent++;
                    if (failure != null) {
                        failures.add(role + " " + fuzz.label() + " → " + failure);
                    }
                }
            }
        }
        log.info("Fuzzed {} requests in {} s; outcomes {}", sent, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                new TreeMap<>(outcomes));
        assertThat(failures).as("requests answered with a server fault (%d of %d)", failures.size(), sent).isEmpty();
    }

    /** What the response says when it is a server fault (INTERNAL_ERROR or 5xx), else null; counts the outcome. */
    private String check(String token, FuzzCases.Case fuzz) {
        // a fuzz case: the document generated from the schema (FuzzCases)
        String body = FuzzJson.write(Map.of("query", fuzz.document(), "variables", fuzz.variables()));
        EntityExchangeResult<byte[]> result = client().post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"), MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange().expectBody().returnResult();
        int status = result.getStatus().value();
        String text = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        if (status >= 500) {
            outcomes.merge("HTTP " + status, 1, Integer::sum);
            return "HTTP " + status + " " + abbreviate(text);
        }
        JsonNode errors = json.readTree(text).path("errors");
        if (errors.isEmpty()) {
            outcomes.merge(text.contains("\"userErrors\":[{") ? "userErrors" : "data", 1, Integer::sum);
        }
        for (JsonNode error : errors) {
            String classification = error.path("extensions").path("classification").asString("none");
            outcomes.merge(classification, 1, Integer::sum);
            // a non-null field that resolved to null without an error is a server fault as much as an INTERNAL_ERROR
            if (classification.equals("INTERNAL_ERROR") || classification.equals("NullValueInNonNullableField")) {
                return classification + ": " + error.path("message").asString();
            }
        }
        return null;
    }

    private volatile WebTestClient client;

    private WebTestClient client() {
        if (client == null) {
            client = http();
        }
        return client;
    }

    /** The deepest selection the limits accept for the plausible request (3 levels, else 2, else 1). */
    private String selectionFor(String operationType, GraphQLFieldDefinition field, FuzzCases cases, String adminToken) {
        for (int depth = 3; depth > 1; depth--) {
            String selection = FuzzCases.selection(field.getType(), depth);
            FuzzCases.Case plausible = cases.of(operationType, field, selection, true).get(0);
            // a fuzz case: the document generated from the schema (FuzzCases)
            String body = FuzzJson.write(Map.of("query", plausible.document(), "variables", plausible.variables()));
            String answer = new String(client().post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8))
                    .exchange().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
            if (!answer.contains("complexity") && !answer.contains("depth")) {
                return selection;
            }
        }
        return FuzzCases.selection(field.getType(), 1);
    }

    /** The fields that test-schema/ adds for platform checks: they fail or stall on purpose, so they are not fuzzed. */
    private static Set<String> testOnlyFields() throws IOException {
        try (InputStream in = new ClassPathResource("test-schema/platform-checks.graphqls").getInputStream()) {
            var registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return registry.objectTypeExtensions().entrySet().stream().filter(entry -> ROOTS.contains(entry.getKey()))
                    .flatMap(entry -> entry.getValue().stream()).map(ObjectTypeExtensionDefinition::getFieldDefinitions)
                    .flatMap(List::stream).map(FieldDefinition::getName).collect(Collectors.toSet());
        }
    }

    // ------------------------------------------------------------ the test's own things to point ids at

    /** Ids of the test's own things by the name of the argument or field that takes them; fills in those of the root fields' {@code id}. */
    private Map<String, Object> idsByName(DistrictWorld world, Map<String, Object> byRootField) {
        HttpGraphQlTester admin = as("admin");
        LocalDate today = DistrictWorld.today();
        String diner = world.diner(List.of());
        String record = world.serve(world.siteA, diner, OffsetDateTime.now(BusinessTime.ZONE).minusMinutes(1).withNano(0).toString());
        String siteC = Canteens.open(admin, jdbc, world.villageId, world.operatorId, "模糊测试食堂", today, today.plusDays(1));
        var menu = admin.documentName("fixtureMenuDishIds")
                .variable("siteId", world.siteA).variable("date", today.toString()).variable("slot", "LUNCH").execute();
        String menuId = menu.path("menu.id").entity(String.class).get();
        String dishId = menu.path("menu.items[0].dish.id").entity(String.class).get();
        String booking = admin.documentName("fixtureBookMeal")
                .variable("input", Map.of("idempotencyKey", "fz-" + UUID.randomUUID(), "dinerId", diner, "siteId", siteC,
                        "date", today.plusDays(1).toString(), "slot", "LUNCH", "fulfilment", "DINE_IN", "items", List.of(Map.of("setMealName", "套餐A"))))
                .execute().path("bookMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("bookMeal.booking.id").entity(String.class).get();
        String recurring = admin.documentName("fixtureCreateRecurringBooking")
                .variable("input", Map.of("idempotencyKey", "fz-" + UUID.randomUUID(), "dinerId", diner, "siteId", siteC, "slot", "LUNCH",
                        "fulfilment", "DINE_IN", "weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "startsOn", today.plusDays(1).toString(), "endsOn", today.plusDays(14).toString()))
                .execute().path("createRecurringBooking.recurringBooking.id").entity(String.class).get();
        String policy = admin.documentName("fixtureSubsidyPolicyIds").variable("districtId", world.districtId).execute()
                .path("subsidyPolicies[0].id").entity(String.class).get();
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        String statement = admin.documentName("fixtureGenerateSettlement")
                .variable("input", Map.of("operatorId", world.operatorId, "districtId", world.districtId, "periodStart", lastMonth.atDay(1).toString(),
                        "periodEnd", lastMonth.atEndOfMonth().toString())).execute()
                .path("generateSettlement.statement.id").entity(String.class).get();
        String inspection = admin.documentName("fixtureRecordInspection")
                .variable("input", Map.of("siteId", world.siteA, "inspectedOn", today.toString(), "result", "NEEDS_RECTIFICATION",
                        "followUpDue", today.plusDays(7).toString(), "items", List.of(Map.of("item", "STORAGE", "passed", false))))
                .execute().path("recordInspection.inspection.id").entity(String.class).get();
        Map<String, Object> ids = new HashMap<>();
        ids.put("siteId", world.siteA);
        ids.put("suppliedById", world.siteB);
        ids.put("dinerId", diner);
        ids.put("forDinerId", diner);
        ids.put("operatorId", world.operatorId);
        ids.put("districtId", world.districtId);
        ids.put("regionId", world.villageId);
        ids.put("communityId", world.villageId);
        ids.put("homeCommunityId", world.villageId);
        ids.put("communityIds", world.villageId);
        ids.put("parentId", world.districtId);
        ids.put("recordId", record);
        ids.put("mealRecordId", record);
        ids.put("menuId", menuId);
        ids.put("dishId", dishId);
        ids.put("dishIds", dishId);
        ids.put("bookingId", booking);
        // an account of its own: the account mutations disable, reset and edit it, never a demo account
        String account = org.zhucan.testsupport.TestAccounts.create(jdbc, "FINANCE", null, world.districtId, "模糊测试账号");
        ids.put("accountId", jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM app_user WHERE username = ?", String.class, account));
        ids.put("recurringBookingId", recurring);
        ids.put("policyId", policy);
        ids.put("statementId", statement);
        ids.put("followsUpInspectionId", inspection);
        byRootField.putAll(Map.of("mealRecord", record, "booking", booking, "inspection", inspection, "diner", diner,
                "settlementStatement", statement));
        return ids;
    }

    /** Optional fields worth filling for a request to get past its first checks, and values a rule needs (weights add up to 100). */
    private static Map<String, Object> hints() {
        Map<String, Object> hints = new HashMap<>();
        Map<String, Object> proxy = Map.of("method", "STAFF_PROXY", "proxyReason", "老人行动不便");
        List<Object> setMeal = List.of(Map.of("setMealName", "套餐A", "quantity", 1));
        for (String type : List.of("LogMealInput", "OfflineMealRecordInput", "CorrectMealRecordInput")) {
            hints.put(type + ".verification", proxy);
            hints.put(type + ".items", setMeal);
        }
        hints.put("VerificationInput.method", "STAFF_PROXY");
        hints.put("VerificationInput.proxyReason", "老人行动不便");
        hints.put("MealItemInput.setMealName", "套餐A");
        hints.put("BookingItemInput.setMealName", "套餐A");
        hints.put("BookingItemInput.quantity", 1);
        hints.put("SiteSlotInput.servesFrom", "11:00");
        hints.put("SiteSlotInput.servesTo", "13:00");
        hints.put("SiteSlotInput.seats", 30);
        hints.put("SampleRetentionDishInput.weightGrams", 125);
        hints.put("RateMealInput.score", 5);
        hints.put("SubsidyTierInput.minAge", 60);
        hints.put("FundingShareInput.remainder", true);
        hints.put("RecordAbilityAssessmentInput.level", 2);
        for (String weight : List.of("operatingRate", "satisfaction", "inspection", "flags", "noShow")) {
            hints.put("SetEvaluationWeightsInput." + weight, 20);
        }
        hints.put("CreateRecurringBookingInput.endsOn", LocalDate.now(BusinessTime.ZONE).plusDays(14).toString());
        hints.put("CreateSiteInput.slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 30)));
        return hints;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
