package org.zhucan.serving;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.zhucan.testsupport.TestClients;
import reactor.core.publisher.Mono;

import static org.awaitility.Awaitility.await;

/** Counter screens (the mealsServed subscription) for tests, and the conditions they wait on instead of sleeping. */
final class Screens {

    private Screens() {
    }

    /** A screen's WebSocket client for the instance on the port, logged in with the token. */
    static WebSocketGraphQlTester webSocket(int port, String token) {
        return TestClients.webSocket(port, new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        });
    }

    /** What a subscription sends: each response, or the error that ended it. */
    static BlockingQueue<Object> subscribe(WebSocketGraphQlTester tester, String siteId) {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        tester.documentName("mealsServed").variable("siteId", siteId).executeSubscription().toFlux()
                .subscribe(received::add, received::add);
        return received;
    }

    /** Waits until the instance's own Redis connection (the one it publishes on) answers. */
    static void awaitRedisAnswering(ApplicationContext instance, Duration deadline) {
        RedisConnectionFactory connections = instance.getBean(RedisConnectionFactory.class);
        await("the instance's Redis connection answering").atMost(deadline).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    try (RedisConnection connection = connections.getConnection()) {
                        return "PONG".equals(connection.ping());
                    }
                });
    }
}
