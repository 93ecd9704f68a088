package org.zhucan.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.zhucan.testsupport.TestClients;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Subscriptions for the fuzz test, spoken by hand over graphql-transport-ws, so that the variables
 * go out exactly as written (a lone surrogate stays one). A subscription either fails at once
 * with an error message, or starts and stays quiet: the first message within a short wait is
 * judged, and silence means it started.
 */
final class WebSocketFuzz {

    /** How long a started subscription is listened to: an error comes at once; silence means it started. */
    private static final Duration FIRST_MESSAGE = Duration.ofSeconds(3);

    private final URI uri;

    WebSocketFuzz(int port) {
        this.uri = URI.create("ws://localhost:" + port + "/graphql");
    }

    /** An INTERNAL_ERROR (with its message) if the subscription's first answer is one; null otherwise. */
    String check(String token, String document, String variablesJson) {
        String init = FuzzJson.write(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        // the fuzz case's generated document, framed by hand as the transport test needs
        String subscribe = "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":" + FuzzJson.write(document)
                + ",\"variables\":" + variablesJson + "}}";
        AtomicReference<String> first = new AtomicReference<>();
        new StandardWebSocketClient().execute(uri, session -> {
            Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
            outbound.tryEmitNext(init);
            Mono<Void> output = session.send(outbound.asFlux().map(session::textMessage));
            Mono<Void> input = session.receive().map(WebSocketMessage::getPayloadAsText)
                    .doOnNext(text -> {
                        if (text.contains("\"connection_ack\"")) {
                            outbound.tryEmitNext(subscribe);
                        }
                    })
                    .filter(text -> !text.contains("\"connection_ack\"") && !text.contains("\"ping\"") && !text.contains("\"pong\""))
                    .next()
                    .timeout(FIRST_MESSAGE)
                    .onErrorResume(TimeoutException.class, e -> Mono.empty())
                    .doOnNext(first::set)
                    .then(Mono.fromRunnable(() -> {
                        // end the subscription before closing, so the server does not write to a closed session
                        outbound.tryEmitNext("{\"id\":\"1\",\"type\":\"complete\"}");
                        outbound.tryEmitComplete();
                    }));
            return Mono.when(output, input);
        }).block(TestClients.RESPONSE_TIMEOUT);
        String answer = first.get();
        return answer != null && answer.contains("\"INTERNAL_ERROR\"") ? answer : null;
    }
}
