package org.zhucan.common.graphql;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What each transport does with a subscription, and with everything else:
 * <ul>
 *   <li>plain HTTP ({@code Accept: application/json} or {@code application/graphql-response+json}) answers
 *   one JSON document and cannot carry a stream: a subscription gets a BAD_REQUEST error naming the two
 *   transports that can (Spring would otherwise serialise the reactive Publisher as if it were data);</li>
 *   <li>Server-Sent Events ({@code Accept: text/event-stream}, Spring's GraphQlSseHandler): Spring streams
 *   only a Publisher and answers anything else with a generic "SSE handler supports only subscriptions",
 *   which hid the real error (an anonymous subscriber saw that instead of UNAUTHORIZED). Here any
 *   answer that is not a stream becomes a stream of that one answer, so errors arrive classified as
 *   over HTTP, and a query or mutation over SSE answers once and completes;</li>
 *   <li>on shutdown every SSE stream completes ({@code event: complete}), so an open stream does not
 *   hold the web server's graceful shutdown for its whole timeout and clients know to reconnect.</li>
 * </ul>
 * Ordered first, so that it sees the answer after every other interceptor (e.g. the request-error
 * classification) has shaped it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SubscriptionTransports implements WebGraphQlInterceptor, SmartLifecycle {

    static final String PLAIN_HTTP_SUBSCRIPTION = "A subscription cannot be answered over plain HTTP: subscribe over WebSocket "
            + "(graphql-transport-ws at /graphql) or over Server-Sent Events (POST /graphql with \"Accept: text/event-stream\")";

    private static final List<MediaType> PLAIN_HTTP = List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/graphql-response+json"));

    private final Sinks.Empty<Void> shuttingDown = Sinks.empty();
    private volatile boolean running;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest) {
            return chain.next(request);
        }
        boolean sse = isServerSentEvents(request);
        return chain.next(request).map(response -> sse ? asStream(response) : refuseStream(response));
    }

    /**
     * Mirrors how Spring routes POST /graphql (GraphQlRequestPredicates): to plain HTTP when the Accept
     * header admits JSON (an absent one admits everything), to SSE when it admits only an event stream.
     */
    static boolean isServerSentEvents(WebGraphQlRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.getHeaders().getAccept();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (accepted.isEmpty()) {
            return false;
        }
        boolean json = accepted.stream().anyMatch(type -> PLAIN_HTTP.stream().anyMatch(type::isCompatibleWith));
        return !json && accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
    }

    private static WebGraphQlResponse refuseStream(WebGraphQlResponse response) {
        if (!(response.getData() instanceof Publisher<?>)) {
            return response;
        }
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(PLAIN_HTTP_SUBSCRIPTION)
                .extensions(Map.of("code", "SUBSCRIPTION_NEEDS_STREAM")).build();
        // a new result without data: the Publisher is dropped unsubscribed, so nothing starts listening
        ExecutionResult refused = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), refused));
    }

    private WebGraphQlResponse asStream(WebGraphQlResponse response) {
        Flux<ExecutionResult> events;
        if (response.getData() instanceof Publisher<?> publisher) {
            @SuppressWarnings("unchecked")
            Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) publisher;
            events = Flux.from(results).takeUntilOther(shuttingDown.asMono());
        } else {
            events = Flux.just(response.getExecutionResult());
        }
        return response.transform(builder -> builder.data(events).errors(List.of()));
    }

    // ------------------------------------------------------------------ shutdown

    @Override
    public void start() {
        running = true;
    }

    /** Completes the open SSE streams before the web server's graceful shutdown starts waiting for requests to end. */
    @Override
    public void stop() {
        running = false;
        shuttingDown.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The default phase stops before the web server's graceful shutdown (a lower phase), so streams end first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
