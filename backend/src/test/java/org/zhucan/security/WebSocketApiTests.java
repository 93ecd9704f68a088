package org.zhucan.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.TestClients;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphQL over WebSocket (graphql-transport-ws): the token travels in connection_init. */
class WebSocketApiTests extends ApiTest {

    @Test
    void shouldAnswerMeOverWebSocketWithTokenInConnectionInit() {
        String token = login("operator", DEMO_PASSWORD);
        WebSocketGraphQlTester tester = TestClients.webSocket(port, new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        });
        try {
            tester.documentName("me").execute()
                    .path("me.username").entity(String.class).isEqualTo("operator")
                    .path("me.roles").entityList(String.class).containsExactly("OPERATOR");
        } finally {
            tester.stop().block();
        }
    }

    @Test
    void shouldAnswerUnauthorizedOverWebSocketWithoutToken() {
        WebSocketGraphQlTester tester = TestClients.webSocket(port, null);
        try {
            tester.documentName("me").execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAUTHORIZED");
            });
        } finally {
            tester.stop().block();
        }
    }
}
