package org.zhucan.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingService;
import org.zhucan.security.AuthzRequests.Request;
import org.zhucan.security.AuthzWorld.Tenant;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestClock;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every root operation of the schema: every Query, Mutation and
 * Subscription field, as every role, on the caller's own tenant and on another's, against the one
 * table in {@code authz/authorization-matrix.csv}. A field the schema gains without a row fails
 * the first test, naming it; so does a row whose field is gone.
 */
class AuthorizationMatrixTests extends ApiTest {

    private static final String MATRIX = "authz/authorization-matrix.csv";
    private static final String TEST_ONLY_SCHEMA = "classpath:test-schema/*.graphqls";
    private static final List<String> ROOT_TYPES = List.of("Query", "Mutation", "Subscription");
    private static final List<String> ROLES = List.of("ADMIN", "FINANCE", "OPERATOR", "INSPECTOR", "DINER");
    /** Roles whose columns come after ANONYMOUS, in this order: added later, so that rows merge by appending cells. */
    private static final List<String> LATER_ROLES = List.of("STREET_STAFF", "HOTLINE");
    private static final String ONLY_PROPERTY = "zhucan.matrix.only";
    /** How long an allowed subscriber waits, after the last of five meals logged at its site, for one to arrive. */
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(30);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuthorizationMatrixTests.class);

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    BookingService bookingService;

    @Autowired
    org.zhucan.care.CareAlertService careAlerts;

    @Test
    void shouldHaveARowForEveryRootFieldOfTheSchemaAndNoOther() throws IOException {
        Set<String> schema = rootFields();
        Set<String> table = matrix().keySet();
        Set<String> missing = new TreeSet<>(schema);
        missing.removeAll(table);
        Set<String> gone = new TreeSet<>(table);
        gone.removeAll(schema);
        assertThat(missing).as("root fields of the schema with no row in " + MATRIX + ": add a row saying who may call each").isEmpty();
        assertThat(gone).as("rows of " + MATRIX + " for fields the schema does not have").isEmpty();
        Set<String> unbuilt = new TreeSet<>(table);
        unbuilt.removeAll(AuthzRequests.all().keySet());
        assertThat(unbuilt).as("rows with no request in AuthzRequests").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEveryOperationAsTheMatrixSays() throws IOException {
        Map<String, List<String>> matrix = matrix();
        String only = System.getProperty(ONLY_PROPERTY);
        if (only != null && !only.isBlank()) {
            // while working on a few operations: -Dzhucan.matrix.only=Mutation.pauseRecurringBooking,Query.recurringBookings
            matrix.keySet().retainAll(Set.of(only.split(",")));
        }
        Map<String, BiFunction<AuthzWorld, Tenant, Request>> builders = AuthzRequests.all();
        MatrixClient client = new MatrixClient(http(), username -> login(username, DEMO_PASSWORD));
        long started = System.nanoTime();
        AuthzWorld world = new AuthzWorld(client, as("admin"), jdbc, clock, bookingService, careAlerts);
        log.info("The authorization matrix's world took {} ms to build", (System.nanoTime() - started) / 1_000_000);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("ADMIN", "admin");
        callers.put("FINANCE", world.own.finance);
        callers.put("OPERATOR", world.own.staff);
        callers.put("INSPECTOR", world.own.inspector);
        callers.put("DINER", world.family);
        callers.put("STREET_STAFF", world.own.street);
        callers.put("HOTLINE", world.own.hotline);
        return matrix.entrySet().stream().map(row -> DynamicTest.dynamicTest(row.getKey(), () -> {
            String field = row.getKey();
            List<String> mismatches = new ArrayList<>();
            int column = 0;
            for (String role : ROLES) {
                for (Tenant tenant : List.of(world.own, world.other)) {
                    String expected = row.getValue().get(column++);
                    compare(field, role + (tenant.own ? ":OWN" : ":OTHER"), expected,
                            answer(client, field, callers.get(role), builders.get(field).apply(world, tenant)), mismatches);
                }
            }
            compare(field, "ANONYMOUS", row.getValue().get(column++), answer(client, field, null, builders.get(field).apply(world, world.own)),
                    mismatches);
            for (String role : LATER_ROLES) {
                for (Tenant tenant : List.of(world.own, world.other)) {
                    String expected = row.getValue().get(column++);
                    compare(field, role + (tenant.own ? ":OWN" : ":OTHER"), expected,
                            answer(client, field, callers.get(role), builders.get(field).apply(world, tenant)), mismatches);
                }
            }
            assertThat(mismatches).as(field + " answered otherwise than " + MATRIX + " says").isEmpty();
        }));
    }

    private static void compare(String field, String cell, String expected, Outcome actual, List<String> mismatches) {
        if (!expected.equals(actual.kind())) {
            mismatches.add(cell + ": expected " + expected + ", got " + actual.kind() + (actual.detail() == null ? "" : " (" + actual.detail() + ")"));
        }
    }

    // ------------------------------------------------------------------ answers

    /** What a caller got, classified as the table writes it, with what explains it. */
    record Outcome(String kind, String detail) {
    }

    private Outcome answer(MatrixClient client, String field, String caller, Request request) {
        String name = field.substring(field.indexOf('.') + 1);
        if (field.startsWith("Subscription.")) {
            return subscribe(client, name, caller, request);
        }
        // a request of the matrix (AuthzRequests), one a root field of the schema
        Map<String, Object> response = client.send(caller, request.document(), request.variables());
        if (response.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return new Outcome(String.valueOf(MatrixClient.at(errors.get(0), "extensions.classification")),
                    String.valueOf(MatrixClient.at(errors.get(0), "message")));
        }
        return classify(MatrixClient.at(response, "data." + name), request);
    }

    private static Outcome classify(Object root, Request request) {
        if (root == null) {
            return new Outcome("NULL", null);
        }
        if (MatrixClient.at(root, "userErrors") instanceof List<?> userErrors && !userErrors.isEmpty()) {
            return new Outcome("REFUSED", userErrors.toString());
        }
        Object rows = request.rows() != null ? MatrixClient.at(root, request.rows())
                : root instanceof List<?> ? root : MatrixClient.at(root, "edges");
        if (rows instanceof List<?> list && list.isEmpty()) {
            return new Outcome("EMPTY", null);
        }
        String problem = request.check() == null ? null : request.check().apply(root);
        return problem == null ? new Outcome("ALLOWED", null) : new Outcome("ALLOWED_BUT_WRONG", problem);
    }

    /**
     * A subscription over WebSocket: a refusal arrives as an error at once; an allowed one shows the
     * next record logged at the site, so the trigger logs meals there until one arrives.
     */
    private Outcome subscribe(MatrixClient client, String name, String caller, Request request) {
        String token = caller == null ? null : client.token(caller);
        WebSocketGraphQlTester tester = TestClients.webSocket(port, token == null ? null : new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        });
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        // a request of the matrix (AuthzRequests), one a root field of the schema
        Disposable subscription = tester.document(request.document()).variables(request.variables()).executeSubscription().toFlux()
                .subscribe(received::add, received::add);
        try {
            Object first = received.poll(2, TimeUnit.SECONDS);
            for (int attempt = 0; first == null && attempt < 5; attempt++) {
                request.trigger().run();
                Duration wait = attempt == 4 ? PUSH_TIMEOUT : Duration.ofSeconds(3);
                first = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            return first == null ? new Outcome("SILENT", "nothing arrived") : classifyEvent(first, name, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            subscription.dispose();
            tester.stop().block(TestClients.RESPONSE_TIMEOUT);
        }
    }

    @SuppressWarnings("unchecked")
    private static Outcome classifyEvent(Object event, String name, Request request) {
        if (event instanceof SubscriptionErrorException error) {
            return errorOutcome(error.getErrors());
        }
        if (event instanceof Throwable error) {
            return new Outcome("FAILED", error.toString());
        }
        GraphQlTester.Response response = (GraphQlTester.Response) event;
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        if (!errors.isEmpty()) {
            return errorOutcome(errors);
        }
        return classify(response.path(name).entity(Map.class).get(), request);
    }

    private static Outcome errorOutcome(List<ResponseError> errors) {
        return errors.isEmpty() ? new Outcome("FAILED", "an error without details")
                : new Outcome(String.valueOf(errors.get(0).getErrorType()), errors.get(0).getMessage());
    }

    // ------------------------------------------------------------------ the schema and the table

    /** Every root field of the running schema, as Type.field, but those the test profile's own schema adds. */
    private Set<String> rootFields() throws IOException {
        Set<String> testOnly = testOnlyRootFields();
        Set<String> fields = new TreeSet<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {graphQlSource.schema().getQueryType(), graphQlSource.schema().getMutationType(),
                graphQlSource.schema().getSubscriptionType()}) {
            if (root != null) {
                for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                    fields.add(root.getName() + "." + field.getName());
                }
            }
        }
        assertThat(fields).as("the test profile's schema is part of the running schema").containsAll(testOnly);
        fields.removeAll(testOnly);
        return fields;
    }

    /** The root fields of test-schema/ (echoMoney, nest...): test scaffolding, not part of the API. */
    private static Set<String> testOnlyRootFields() throws IOException {
        Set<String> fields = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(TEST_ONLY_SCHEMA)) {
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                TypeDefinitionRegistry registry = new SchemaParser().parse(reader);
                for (String type : ROOT_TYPES) {
                    for (ObjectTypeExtensionDefinition extension : registry.objectTypeExtensions().getOrDefault(type, List.of())) {
                        for (FieldDefinition field : extension.getFieldDefinitions()) {
                            fields.add(type + "." + field.getName());
                        }
                    }
                }
            }
        }
        assertThat(fields).as("test-only root fields found in " + TEST_ONLY_SCHEMA).isNotEmpty();
        return fields;
    }

    /** The table: Type.field to its fifteen expected outcomes, in the header's column order. */
    private static Map<String, List<String>> matrix() throws IOException {
        List<String> columns = new ArrayList<>();
        for (String role : ROLES) {
            columns.add(role + ":OWN");
            columns.add(role + ":OTHER");
        }
        columns.add("ANONYMOUS");
        for (String role : LATER_ROLES) {
            columns.add(role + ":OWN");
            columns.add(role + ":OTHER");
        }
        Set<String> outcomes = Set.of("ALLOWED", "EMPTY", "NULL", "REFUSED", "FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String text = new ClassPathResource(MATRIX).getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            List<String> cells = Stream.of(line.split(",")).map(String::strip).toList();
            if (cells.get(0).equals("field")) {
                assertThat(cells.subList(1, cells.size())).as("the header of " + MATRIX).isEqualTo(columns);
                continue;
            }
            assertThat(cells).as(line).hasSize(columns.size() + 1);
            assertThat(new LinkedHashSet<>(cells.subList(1, cells.size()))).as(line).isSubsetOf(outcomes);
            assertThat(rows.put(cells.get(0), cells.subList(1, cells.size()))).as("a second row for " + cells.get(0)).isNull();
        }
        return rows;
    }
}
