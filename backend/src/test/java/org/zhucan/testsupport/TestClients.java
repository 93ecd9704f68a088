package org.zhucan.testsupport;

import java.net.URI;
import java.time.Duration;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Every HTTP and WebSocket client the tests use. The test machine is shared and often has both
 * cores saturated by something else: a request that takes a second when idle can take many then,
 * and the clients' 5 s defaults failed whole runs. So every client waits long enough that only a
 * hung server fails a test; tests that wait for something to happen poll for it instead.
 */
public final class TestClients {

    /** How long a test waits for one response: far beyond any healthy request, even on a saturated machine. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    /** Room for the largest answers the tests read (the GraphiQL bundle, the introspection result). */
    private static final int MAX_IN_MEMORY = 8 * 1024 * 1024;

    private TestClients() {
    }

    /** A plain HTTP client of a server, e.g. {@code http://localhost:8080}. */
    public static WebTestClient http(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(RESPONSE_TIMEOUT)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_IN_MEMORY))
                .build();
    }

    /** A GraphQL-over-HTTP tester of {@code <baseUrl>/graphql}, sending no token. */
    public static HttpGraphQlTester graphQl(String baseUrl) {
        return HttpGraphQlTester.builder(http(baseUrl + "/graphql").mutate()).responseTimeout(RESPONSE_TIMEOUT).build();
    }

    /** A GraphQL-over-WebSocket tester of {@code ws://localhost:<port>/graphql}. */
    public static WebSocketGraphQlTester webSocket(int port, WebSocketGraphQlClientInterceptor interceptor) {
        WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                new StandardWebSocketClient()).responseTimeout(RESPONSE_TIMEOUT);
        if (interceptor != null) {
            builder.interceptor(interceptor);
        }
        return builder.build();
    }
}
