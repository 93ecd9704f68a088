package org.zhucan.platform;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.FaceTerminals;
import org.zhucan.testsupport.LocalServices;
import org.zhucan.testsupport.ReadmeExamples;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestSettings;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every example of the README, read from the README itself, as written, against a fresh demo
 * database of its own (so that nothing other tests did is there, and the examples' changes reach no
 * other test), in the README's order. Dates are operation variables ({@code $today},
 * {@code $tomorrow}, ...) computed here from today, so the examples hold on any date.
 */
class ReadmeExamplesTests {

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)\\s*:");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext application;
    private static String baseUrl;
    private static final Map<String, String> tokens = new HashMap<>();
    private static final Map<String, Object> kept = new HashMap<>();

    @BeforeAll
    static void startOnAFreshDemoDatabase() throws Exception {
        LocalServices.Database tests = TestSettings.testDatabase();
        LocalServices.Database fresh = new LocalServices.Database(freshDatabase(tests), tests.user(), tests.password(),
                "a fresh demo database for the README's examples");
        List<String> arguments = new ArrayList<>(TestSettings.serviceArguments(fresh, freshRedisDatabase(TestSettings.testRedisUrl())));
        arguments.add("--zhucan.demo.enabled=true");
        application = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test").run(arguments.toArray(String[]::new));
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsWritten() {
        List<ReadmeExamples.Example> examples = ReadmeExamples.read(ReadmeExamples.readme());
        assertThat(examples).as("examples found in the README").hasSizeGreaterThan(20);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            ReadmeExamples.Example example = examples.get(i);
            if (example.untilNext()) {
                ReadmeExamples.Example next = examples.get(++i);
                tests.add(DynamicTest.dynamicTest(example.name(), () -> subscribeThenRun(example, next)));
            } else {
                tests.add(DynamicTest.dynamicTest(example.name(), () -> run(example)));
            }
        }
        return tests.stream();
    }

    private static void run(ReadmeExamples.Example example) throws Exception {
        if (example.kind().equals("curl")) {
            runCurl(example);
            return;
        }
        JsonNode response = send(example);
        // a read of a job: sent again until the job shows what the README says it will
        long deadline = System.nanoTime() + TestClients.RESPONSE_TIMEOUT.toNanos();
        while (example.waitPath() != null && !example.waitValue().equals(at(response.path("data"), example.waitPath()).asString())
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            response = send(example);
        }
        if (example.waitPath() != null) {
            assertThat(at(response.path("data"), example.waitPath()).asString()).as("%s: %s", example.name(), response)
                    .isEqualTo(example.waitValue());
        }
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty())
                .as("%s answered errors: %s", example.name(), response.path("errors")).isTrue();
        List<String> userErrors = new ArrayList<>();
        collectUserErrorCodes(response.path("data"), userErrors);
        if (example.expectedUserError() != null) {
            assertThat(userErrors).as("%s: the user error the README shows", example.name()).contains(example.expectedUserError());
        } else {
            assertThat(userErrors).as("%s: user errors %s", example.name(), response).isEmpty();
        }
        keep(example, response.path("data"));
    }

    /** The values an example keeps ({@code # keeps $v = path}) for the examples after it. */
    private static void keep(ReadmeExamples.Example example, JsonNode answer) {
        for (Map.Entry<String, String> keep : example.keeps().entrySet()) {
            JsonNode value = at(answer, keep.getValue());
            assertThat(value.isMissingNode() || value.isNull()).as("%s keeps $%s from %s in %s", example.name(), keep.getKey(),
                    keep.getValue(), answer).isFalse();
            kept.put(keep.getKey(), value.isNumber() ? value.numberValue() : value.asString());
        }
    }

    private static JsonNode send(ReadmeExamples.Example example) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        // the README's own example, read from README.md
        body.put("query", example.text());
        body.put("variables", variablesOf(example));
        var request = TestClients.http(baseUrl).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (!example.account().equals("anyone")) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(example.account()));
        }
        byte[] answer = request.bodyValue(JSON.writeValueAsString(body)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    /** A subscription, then the example that should make it push something, then the push. */
    private static void subscribeThenRun(ReadmeExamples.Example subscription, ReadmeExamples.Example trigger) throws Exception {
        String token = token(subscription.account());
        WebSocketGraphQlTester screen = TestClients.webSocket(port(), new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        });
        BlockingQueue<Object> pushed = new LinkedBlockingQueue<>();
        try {
            // the README's own example, read from README.md
            screen.document(subscription.text()).variables(variablesOf(subscription)).executeSubscription().toFlux()
                    .subscribe(pushed::add, pushed::add);
            // the subscription starts asynchronously: the trigger is sent again (with a fresh key) until the screen hears one
            long deadline = System.nanoTime() + TestClients.RESPONSE_TIMEOUT.toNanos();
            Object first = null;
            while (first == null && System.nanoTime() < deadline) {
                run(trigger);
                first = pushed.poll(2, TimeUnit.SECONDS);
            }
            assertThat(first).as("%s pushes what %s did", subscription.name(), trigger.name()).isNotNull();
            assertThat(first).as("%s pushed an error", subscription.name()).isNotInstanceOf(Throwable.class);
        } finally {
            screen.stop().block(Duration.ofMinutes(1));
        }
    }

    private static void runCurl(ReadmeExamples.Example example) throws Exception {
        String curl = example.text().lines().filter(l -> l.strip().startsWith("curl ")).findFirst().orElseThrow();
        // a command continued over several lines with backslashes is one command
        String command = example.text().substring(example.text().indexOf(curl)).replaceAll("\\\\\n\\s*", " ").lines().findFirst().orElseThrow();
        Matcher url = Pattern.compile("http://localhost:8080([^\\s'\"]+)").matcher(command);
        assertThat(url.find()).as("%s names a URL on localhost:8080", example.name()).isTrue();
        String path = url.group(1);
        for (Map.Entry<String, Object> value : kept.entrySet()) {
            path = path.replace("$" + value.getKey(), String.valueOf(value.getValue()));
        }
        Matcher upload = Pattern.compile("--data-binary @(\\S+)").matcher(command);
        if (!command.contains("-X POST") || !upload.find()) {
            byte[] body = TestClients.http(baseUrl).get().uri(URI.create(baseUrl + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(example.account())).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            assertThat(body).as("%s downloads something", example.name()).isNotEmpty();
            return;
        }
        Matcher contentType = Pattern.compile("-H '?\"?Content-Type: ([^'\"]+)").matcher(command);
        assertThat(contentType.find()).as("%s says its content type", example.name()).isTrue();
        byte[] file = java.nio.file.Files.readAllBytes(ReadmeExamples.readme().getParent().resolve(upload.group(1)));
        byte[] answer = TestClients.http(baseUrl).post().uri(URI.create(baseUrl + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(example.account()))
                .contentType(MediaType.parseMediaType(contentType.group(1).strip())).bodyValue(file).exchange()
                .expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBody();
        keep(example, JSON.readTree(answer));
    }

    /** The variables an operation declares: dates relative to today, or values kept from earlier examples. */
    private static Map<String, Object> variablesOf(ReadmeExamples.Example example) {
        String definitions = example.text().substring(0, Math.max(0, example.text().indexOf('{')));
        Map<String, Object> variables = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(definitions);
        while (variable.find()) {
            String name = variable.group(1);
            // a device mutation's key is new for every call, as a device makes one per request
            Object value = name.equals("idempotencyKey") ? "readme-" + java.util.UUID.randomUUID()
                    : name.equals("faceToken") ? faceTokenAsTheReadmeSignsIt()
                    : kept.containsKey(name) ? kept.get(name) : relativeDates().get(name);
            if (value == null) {
                fail("%s uses $%s, which is neither a date the README defines nor kept by an earlier example", example.name(), name);
            }
            variables.put(name, value);
        }
        return variables;
    }

    /** A face token signed now as the README's shell example signs it: its terminal, key version, diner and key. */
    private static String faceTokenAsTheReadmeSignsIt() {
        String readme;
        try {
            readme = java.nio.file.Files.readString(ReadmeExamples.readme());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Matcher key = Pattern.compile("KEY=([0-9a-f]{64})").matcher(readme);
        Matcher signed = Pattern.compile("SIGNED=\"zf1\\.(\\d+)\\.(\\d+)\\.(\\d+)\\.").matcher(readme);
        assertThat(key.find() && signed.find()).as("the README shows how to sign a face token").isTrue();
        return FaceTerminals.sign(signed.group(1), Integer.parseInt(signed.group(2)), key.group(1), signed.group(3),
                java.time.Instant.now().getEpochSecond(), "readme" + System.nanoTime());
    }

    /** The date variables the README's examples may use, as its "Dates in the examples" paragraph defines them. */
    static Map<String, Object> relativeDates() {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        YearMonth month = YearMonth.from(today);
        Map<String, Object> dates = new HashMap<>();
        dates.put("today", today.toString());
        dates.put("tomorrow", today.plusDays(1).toString());
        dates.put("yesterday", today.minusDays(1).toString());
        dates.put("weekAgo", today.minusDays(7).toString());
        dates.put("monday", today.with(DayOfWeek.MONDAY).toString());
        dates.put("month", month.toString());
        dates.put("lastMonth", month.minusMonths(1).toString());
        dates.put("lastMonthStart", month.minusMonths(1).atDay(1).toString());
        dates.put("lastMonthEnd", month.minusMonths(1).atEndOfMonth().toString());
        dates.put("now", java.time.OffsetDateTime.now(BusinessTime.ZONE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        dates.put("year", today.getYear());
        dates.put("lastYear", today.getYear() - 1);
        return dates;
    }

    private static String token(String account) {
        return tokens.computeIfAbsent(account, name -> TestClients.graphQl(baseUrl)
                .documentName("login")
                .variable("username", name).variable("password", ApiTest.DEMO_PASSWORD).execute()
                .path("login.token").entity(String.class).get());
    }

    private static int port() {
        return ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    private static void collectUserErrorCodes(JsonNode node, List<String> codes) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("userErrors") && field.getValue().isArray()) {
                    field.getValue().forEach(error -> codes.add(error.path("code").asString()));
                } else {
                    collectUserErrorCodes(field.getValue(), codes);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectUserErrorCodes(element, codes));
        }
    }

    /** {@code generateSettlement.statement.id} or {@code mealsToRate[0].mealRecordId} in a response's data. */
    private static JsonNode at(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            Matcher indexed = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(part);
            node = indexed.matches() ? node.path(indexed.group(1)).path(Integer.parseInt(indexed.group(2))) : node.path(part);
        }
        return node;
    }

    /** The tests' database with {@code _readme} after its name, dropped first. */
    private static String freshDatabase(LocalServices.Database tests) throws Exception {
        Matcher parts = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?]+)(\\?.*)?$").matcher(tests.url());
        assertThat(parts.matches()).as("a JDBC URL with a database name: %s", tests.url()).isTrue();
        String database = parts.group(2) + "_readme";
        try (Connection connection = DriverManager.getConnection(tests.url(), tests.user(), tests.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
        String query = parts.group(3) == null ? "?createDatabaseIfNotExist=true"
                : parts.group(3).contains("createDatabaseIfNotExist") ? parts.group(3) : parts.group(3) + "&createDatabaseIfNotExist=true";
        return parts.group(1) + database + query;
    }

    /** The configured Redis with database 15, emptied first: the fresh database's cache must not hold another's menus. */
    private static String freshRedisDatabase(String url) {
        String fresh = url.replaceFirst("/\\d+$", "") + "/15";
        RedisClient client = RedisClient.create(RedisURI.create(fresh));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
        return fresh;
    }
}
