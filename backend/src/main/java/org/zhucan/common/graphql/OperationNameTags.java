package org.zhucan.common.graphql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import graphql.language.OperationDefinition;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * The operation's name as a tag of the GraphQL timers ({@code graphql.request} and
 * {@code graphql.datafetcher}, tag {@code graphql.operation.name}), so that the lunch rush reads as
 * "logMeal p99", not "some mutation". A client names its operations freely, so the tag is bounded:
 * a name that is not a plain identifier of at most 50 characters is {@code invalid}, an operation
 * without a name {@code anonymous}, and once {@link #MAX_NAMES} names have been seen every new one
 * is {@code other}: a client cannot grow the metrics without end.
 */
@Configuration(proxyBeanMethods = false)
class OperationNameTags {

    static final String KEY = "graphql.operation.name";
    static final int MAX_NAMES = 300;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Bean
    DefaultExecutionRequestObservationConvention requestsByOperationName() {
        return new DefaultExecutionRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY, bounded(nameOf(context))));
            }
        };
    }

    @Bean
    DefaultDataFetcherObservationConvention fieldsByOperationName() {
        return new DefaultDataFetcherObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(DataFetcherObservationContext context) {
                OperationDefinition operation = context.getEnvironment().getOperationDefinition();
                return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY, bounded(operation == null ? null : operation.getName())));
            }
        };
    }

    /** The name the document gives the operation it ran (clients rarely send operationName apart), else the one sent. */
    private static String nameOf(ExecutionRequestObservationContext context) {
        if (context.getExecutionContext() != null && context.getExecutionContext().getOperationDefinition() != null) {
            return context.getExecutionContext().getOperationDefinition().getName();
        }
        return context.getExecutionInput().getOperationName();
    }

    String bounded(String name) {
        if (name == null || name.isEmpty()) {
            return "anonymous";
        }
        if (!NAME.matcher(name).matches()) {
            return "invalid";
        }
        if (seen.contains(name) || (seen.size() < MAX_NAMES && seen.add(name))) {
            return name;
        }
        return "other";
    }
}
