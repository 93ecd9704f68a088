package org.zhucan.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.OtlpReceiver;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observability as an operator turns it on, with the three variables alone: an instance in a process of its own,
 * started with {@code ZHUCAN_LOG_FORMAT=ecs}, {@code ZHUCAN_OTLP_TRACING_ENDPOINT} pointing at a real OTLP/HTTP
 * receiver and {@code ZHUCAN_TRACING_SAMPLING_PROBABILITY=1.0} in its environment. (A process of its own because
 * Spring Boot sets up logging once per JVM while another application context is open, as the test JVM's are.)
 * A request that arrives with a W3C {@code traceparent} keeps the caller's trace: its log line is one JSON object
 * carrying that trace id, and its spans reach the receiver.
 */
class TracingAndJsonLogsTests {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration START_WITHIN = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static OtlpReceiver receiver;
    private static Process instance;
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static String baseUrl;
    private static String adminToken;

    @BeforeAll
    static void startInstance() throws Exception {
        receiver = OtlpReceiver.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ZhucanApplication.class.getName(), "--spring.profiles.active=test"));
        command.addAll(TestSettings.explicitServiceArguments().stream().filter(argument -> !argument.startsWith("--server.port")).toList());
        command.add("--server.port=" + port);
        // exported in batches: every 200 ms here instead of 5 s, so the test waits less
        command.add("--management.opentelemetry.tracing.export.schedule-delay=200ms");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ZHUCAN_LOG_FORMAT", "ecs");
        builder.environment().put("ZHUCAN_OTLP_TRACING_ENDPOINT", receiver.tracesUrl());
        builder.environment().put("ZHUCAN_TRACING_SAMPLING_PROBABILITY", "1.0");
        instance = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = instance.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output ended: " + e + ")");
            }
        }, "json-instance-output");
        reader.setDaemon(true);
        reader.start();
        baseUrl = "http://localhost:" + port;
        try {
            await().atMost(START_WITHIN).pollInterval(Duration.ofMillis(500)).failFast(() -> !instance.isAlive())
                    .until(() -> output.stream().anyMatch(line -> line.contains("Started ZhucanApplication")));
        } catch (RuntimeException e) {
            throw new AssertionError("The instance did not start; its last lines:\n" + lastLines(), e);
        }
        adminToken = TestClients.graphQl(baseUrl).documentName("login").variable("username", "admin")
                .variable("password", ApiTest.DEMO_PASSWORD).execute().path("login.token").entity(String.class).get();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (instance != null) {
            instance.destroy();
            if (!instance.waitFor(60, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyLineTheInstanceWroteIsAJsonObject() {
        assertThat(output).as("the instance's output").isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
    }

    @Test
    void aRequestsLogLineIsOneJsonObjectWithTheCallersTraceId() {
        String traceId = randomHex(16);
        String reference = failInternally(traceId);

        JsonNode line = await().atMost(DEADLINE).until(() -> jsonLineMentioning(reference), Optional::isPresent).get();
        assertThat(line.at("/log/level").asString()).isEqualTo("ERROR");
        assertThat(line.path("message").asString()).contains("Internal error " + reference);
        assertThat(line.path("traceId").asString()).as("trace id of %s", line).isEqualTo(traceId);
        assertThat(line.path("spanId").asString()).hasSize(16);
    }

    @Test
    void theRequestsSpansReachTheOtlpReceiver() {
        String traceId = randomHex(16);
        failInternally(traceId);

        await().atMost(DEADLINE).until(() -> receiver.receivedTrace(traceId));
        assertThat(receiver.received()).allSatisfy(export -> {
            assertThat(export.path()).isEqualTo("/v1/traces");
            assertThat(export.contentType()).isEqualTo("application/x-protobuf");
        });
    }

    /** Sends a query whose resolver fails (the test profile's failInternally) as part of the given trace; its error reference. */
    private static String failInternally(String traceId) {
        Map<?, ?> answer = TestClients.http(baseUrl).post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ failInternally }"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String message = String.valueOf(((Map<?, ?>) ((List<?>) answer.get("errors")).get(0)).get("message"));
        return message.substring(message.lastIndexOf(' ') + 1);
    }

    private static Optional<JsonNode> jsonLineMentioning(String text) {
        return output.stream().filter(line -> line.contains(text)).findFirst().map(JSON::readTree);
    }

    private static String lastLines() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // an all-zero id is invalid in W3C trace context
        return HexFormat.of().formatHex(random);
    }
}
