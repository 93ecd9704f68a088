package org.zhucan.serving;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestDocuments;
import org.zhucan.testsupport.TestSettings;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions over each transport: refused clearly over plain HTTP, streamed over Server-Sent
 * Events (with keep-alive comments, the same Bearer authentication as HTTP, and an end on shutdown),
 * and kept alive with pings over WebSocket. The keep-alive intervals are 1 s here so that the tests
 * see them soon; they wait for them (and for everything else) with the clients' generous timeout.
 */
@TestPropertySource(properties = {"spring.graphql.http.sse.keep-alive=1s", "spring.graphql.websocket.keep-alive=1s"})
class SubscriptionTransportTests extends ApiTest {

    private static final String MEALS_SERVED = TestDocuments.named("mealsServed");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MealsServedFeed feed;

    @Test
    void shouldRefuseSubscriptionOverPlainHttpWithClearBadRequest() {
        String token = login("operator", DEMO_PASSWORD);
        Map<MediaType, HttpStatus> answers = Map.of(MediaType.APPLICATION_JSON, HttpStatus.OK,
                MediaType.parseMediaType("application/graphql-response+json"), HttpStatus.BAD_REQUEST);
        answers.forEach((accept, status) -> {
            String body = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .bodyValue(Map.of("query", MEALS_SERVED, "variables", Map.of("siteId", "5")))
                    .exchange().expectStatus().isEqualTo(status)
                    .expectBody(String.class).returnResult().getResponseBody();
            JsonNode answer = JSON.readTree(body);
            assertThat(answer.has("data")).as(body).isFalse();
            assertThat(answer.path("errors")).hasSize(1);
            JsonNode error = answer.path("errors").get(0);
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.path("message").asString()).contains("WebSocket", "Accept: text/event-stream");
        });
    }

    @Test
    void shouldStreamMealsOverServerSentEventsWithKeepAlives() throws Exception {
        DistrictWorld world = new DistrictWorld(this::as, jdbc);
        String diner = world.diner(List.of());
        String token = login(world.operatorStaff, DEMO_PASSWORD);
        HttpGraphQlTester counter = anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
        LocalDate today = DistrictWorld.today();
        clock.stopAt(ZonedDateTime.of(today, LocalTime.of(12, 30), BusinessTime.ZONE).toInstant());

        int screens = feed.screens();
        try (SseLines stream = SseLines.open(baseUrl(), token, MEALS_SERVED, Map.of("siteId", world.siteA))) {
            await("the SSE stream watching").atMost(TestClients.RESPONSE_TIMEOUT).until(() -> feed.screens() > screens);
            stream.awaitKeepAlive();

            String record = Canteens.serveWalkIn(counter, world.siteA, diner, DistrictWorld.shanghai(today, 12, 0));
            JsonNode next = stream.nextEvent("next");
            assertThat(next.path("errors").isMissingNode()).as(next.toString()).isTrue();
            assertThat(next.path("data").path("mealsServed").path("id").asString()).isEqualTo(record);
            assertThat(next.path("data").path("mealsServed").path("site").path("id").asString()).isEqualTo(world.siteA);
        }
    }

    @Test
    void shouldAnswerUnauthorizedOverServerSentEventsWithoutToken() throws Exception {
        try (SseLines stream = SseLines.open(baseUrl(), null, MEALS_SERVED, Map.of("siteId", "5"))) {
            JsonNode next = stream.nextEvent("next");
            assertThat(next.path("errors")).as(next.toString()).hasSize(1);
            assertThat(next.path("errors").get(0).path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
            stream.nextEvent("complete");
        }
    }

    @Test
    void shouldAnswerQueryOverServerSentEventsOnceAndComplete() throws Exception {
        String token = login("operator", DEMO_PASSWORD);
        try (SseLines stream = SseLines.open(baseUrl(), token, TestDocuments.named("me"), Map.of())) {
            JsonNode next = stream.nextEvent("next");
            assertThat(next.path("data").path("me").path("username").asString()).as(next.toString()).isEqualTo("operator");
            stream.nextEvent("complete");
        }
    }

    /**
     * An instance of its own, closed while a screen follows it over SSE: the stream ends with
     * {@code event: complete} (a stream cut by a forced shutdown would just break off) and the
     * instance closes.
     */
    @Test
    void shouldCompleteServerSentEventStreamsWhenTheApplicationStops() throws Exception {
        List<String> arguments = new ArrayList<>(TestSettings.explicitServiceArguments());
        arguments.add("--zhucan.demo.enabled=false");
        arguments.add("--spring.graphql.http.sse.keep-alive=1s");
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
        try {
            int instancePort = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String token = login("operator", DEMO_PASSWORD);
            try (SseLines stream = SseLines.open("http://localhost:" + instancePort, token,
                    MEALS_SERVED, Map.of("siteId", "5"))) {
                stream.awaitKeepAlive();
                CompletableFuture<Void> closing = CompletableFuture.runAsync(instance::close);
                stream.nextEvent("complete");
                closing.get(TestClients.RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(instance.isActive()).isFalse();
            }
        } finally {
            if (instance.isActive()) {
                instance.close();
            }
        }
    }

    @Test
    void shouldPingWebSocketConnections() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                Mono<Void> init = session.send(Mono.just(session.textMessage("{\"type\":\"connection_init\",\"payload\":{}}")));
                Flux<String> messages = session.receive().map(message -> message.getPayloadAsText()).doOnNext(received::add);
                return init.thenMany(messages).then();
            }
        };
        Disposable connection = new StandardWebSocketClient().execute(URI.create("ws://localhost:" + port + "/graphql"), handler).subscribe();
        try {
            JsonNode first = JSON.readTree(poll(received));
            assertThat(first.path("type").asString()).isEqualTo("connection_ack");
            JsonNode second = JSON.readTree(poll(received));
            assertThat(second.path("type").asString()).isEqualTo("ping");
        } finally {
            connection.dispose();
        }
    }

    private static String poll(BlockingQueue<String> queue) throws InterruptedException {
        String next = queue.poll(TestClients.RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a message within " + TestClients.RESPONSE_TIMEOUT).isNotNull();
        return next;
    }

    /** The lines of a text/event-stream answer to POST /graphql, as they arrive. */
    private record SseLines(Disposable subscription, BlockingQueue<String> lines) implements AutoCloseable {

        private static final String ENDED = "\u0000ended";

        static SseLines open(String baseUrl, String token, String query, Map<String, Object> variables) {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            WebTestClient.RequestBodySpec request = TestClients.http(baseUrl).post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM);
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            Flux<byte[]> body = request.bodyValue(Map.of("query", query, "variables", variables)).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                    .returnResult(byte[].class).getResponseBody();
            Disposable subscription = body.subscribe(chunk -> {
                synchronized (pending) {
                    for (byte b : chunk) {
                        if (b == '\n') {
                            lines.add(pending.toString(StandardCharsets.UTF_8));
                            pending.reset();
                        } else {
                            pending.write(b);
                        }
                    }
                }
            }, error -> lines.add(ENDED + ": " + error), () -> lines.add(ENDED));
            return new SseLines(subscription, lines);
        }

        String next() throws InterruptedException {
            String line = lines.poll(TestClients.RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(line).as("a line of the event stream within " + TestClients.RESPONSE_TIMEOUT).isNotNull();
            assertThat(line).as("the event stream still open").doesNotStartWith(ENDED);
            return line;
        }

        /** Waits for a keep-alive: a comment line (":"), sent when the stream has been quiet for the interval. */
        void awaitKeepAlive() throws InterruptedException {
            while (!next().startsWith(":")) {
                // an event's lines, if any, come before
            }
        }

        /** The data of the next event, which must be of the type given (keep-alives in between are skipped). */
        JsonNode nextEvent(String type) throws InterruptedException {
            String event = null;
            StringBuilder data = new StringBuilder();
            while (true) {
                String line = next();
                if (line.startsWith(":")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (event != null) {
                        break;
                    }
                    continue;
                }
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            assertThat(event).isEqualTo(type);
            return data.isEmpty() ? JSON.missingNode() : JSON.readTree(data.toString());
        }

        @Override
        public void close() {
            subscription.dispose();
        }
    }
}
