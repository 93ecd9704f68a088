package org.zhucan.common.graphql;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.zhucan.common.Sha256;
import reactor.core.publisher.Mono;

/**
 * Apollo's automatic persisted queries (APQ), as Apollo Client's {@code createPersistedQueryLink}
 * sends them: first only the SHA-256 of the query in {@code extensions.persistedQuery}; on
 * {@code PersistedQueryNotFound} the same request again with the query, which registers it.
 * <p>
 * Done here, before execution, rather than with graphql-java's ApolloPersistedQuerySupport as the
 * document provider: a known hash becomes the query text itself, so everything after (the
 * parsed-document cache keyed by text, depth and cost limits, the login requirement) sees an
 * ordinary query. Spring for GraphQL passes a request without {@code query} as graphql-java's
 * {@link PersistedQuerySupport#PERSISTED_QUERY_MARKER} when it has {@code extensions.persistedQuery}.
 * <p>
 * The store is per instance and bounded (see {@link PersistedQueryProperties}): Apollo Client answers
 * {@code PersistedQueryNotFound} by sending the full query, so an instance that does not know a hash
 * (new, restarted, or it was evicted) simply learns it again. Only a query that parses and validates
 * against the schema is registered, and not when its answer was UNAUTHORIZED, so an anonymous caller
 * can register at most the public {@code login} operation.
 */
@Component
public class PersistedQueries implements WebGraphQlInterceptor, MeterBinder {

    static final String NOT_FOUND = "PersistedQueryNotFound";
    static final String ID_INVALID = "PersistedQueryIdInvalid";
    static final String VERSION_NOT_SUPPORTED = "PersistedQueryVersionNotSupported";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final Cache<String, String> queries;
    private final int maxQueryLength;
    private final ObjectProvider<GraphQlSource> graphQlSource;

    public PersistedQueries(PersistedQueryProperties properties, ObjectProvider<GraphQlSource> graphQlSource) {
        this.queries = Caffeine.newBuilder().maximumSize(properties.maxEntries()).recordStats().build();
        this.maxQueryLength = properties.maxQueryLength();
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object extension = request.getExtensions().get("persistedQuery");
        if (extension == null) {
            return chain.next(request);
        }
        if (!(extension instanceof Map<?, ?> persistedQuery)) {
            return refuse(request, ID_INVALID, "PERSISTED_QUERY_ID_INVALID", ": extensions.persistedQuery must be an object");
        }
        if (!Integer.valueOf(1).equals(asInteger(persistedQuery.get("version")))) {
            // Apollo Client falls back to sending full queries only on PersistedQueryNotSupported; a
            // client speaking another version must be told plainly rather than half-understood
            return refuse(request, VERSION_NOT_SUPPORTED, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
                    ": only extensions.persistedQuery.version 1 (Apollo APQ, SHA-256) is supported");
        }
        if (!(persistedQuery.get("sha256Hash") instanceof String hash) || !SHA256_HEX.matcher(hash).matches()) {
            return refuse(request, ID_INVALID, "PERSISTED_QUERY_ID_INVALID", ": sha256Hash must be 64 hexadecimal digits");
        }
        String id = hash.toLowerCase(Locale.ROOT);
        String document = request.getDocument();
        if (PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document) || document.isBlank()) {
            String known = queries.getIfPresent(id);
            if (known == null) {
                return refuse(request, NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND", "");
            }
            request.configureExecutionInput((input, builder) -> builder.query(known).build());
            return chain.next(request);
        }
        if (!id.equals(Sha256.hex(document))) {
            return refuse(request, ID_INVALID, "PERSISTED_QUERY_ID_INVALID", ": sha256Hash is not the SHA-256 (hex, of the UTF-8 bytes) of query");
        }
        if (document.length() > maxQueryLength || queries.getIfPresent(id) != null || !parsesAndValidates(request, document)) {
            // runs as an ordinary query: too long to remember, already known, or to be answered with its errors
            return chain.next(request);
        }
        return chain.next(request).doOnNext(response -> {
            if (response.getErrors().stream().noneMatch(error -> ErrorType.UNAUTHORIZED.equals(error.getErrorType()))) {
                queries.put(id, document);
            }
        });
    }

    /** How many queries are registered on this instance. */
    public long size() {
        queries.cleanUp();
        return queries.estimatedSize();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, queries, "graphql.persisted-queries");
    }

    private boolean parsesAndValidates(WebGraphQlRequest request, String document) {
        ExecutionInput input = ExecutionInput.newExecutionInput().query(document).operationName(request.getOperationName())
                .variables(request.getVariables()).locale(request.getLocale()).build();
        return !ParseAndValidate.parseAndValidate(graphQlSource.getObject().schema(), input).isFailure();
    }

    /**
     * A request error (BAD_REQUEST) whose message starts with the name Apollo Client looks for and
     * whose {@code code} extension is the one it checks, answered without executing anything.
     */
    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String name, String code, String detail) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(name + detail)
                        .extensions(Map.of("code", code)).build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    private static Integer asInteger(Object value) {
        return value instanceof Number number && number.doubleValue() == number.intValue() ? number.intValue() : null;
    }
}
