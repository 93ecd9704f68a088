package org.zhucan.common.graphql;

import graphql.execution.ResultPath;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationContext;

/**
 * Which GraphQL fields are observed (timers {@code graphql.datafetcher}, and spans once tracing is
 * configured): the root fields, each request's own work, and not the fields below them. A page of a
 * hundred sites with their menus would otherwise start two hundred observations per request, each
 * a timer and a long-task timer looked up by tags, for what the batch loads already time as a whole
 * ({@code graphql.dataloader}, one per batch) and the request timer ({@code graphql.request}) covers.
 * {@code zhucan.observability.nested-field-observations=true} observes every non-trivial field
 * again, for an investigation.
 */
@Configuration(proxyBeanMethods = false)
class FieldObservations {

    @Bean
    ObservationPredicate rootFieldsObservedOnly(@Value("${zhucan.observability.nested-field-observations:false}") boolean nestedFields) {
        return (name, context) -> nestedFields || !(context instanceof DataFetcherObservationContext field) || isRoot(field);
    }

    private static boolean isRoot(DataFetcherObservationContext field) {
        ResultPath path = field.getEnvironment().getExecutionStepInfo().getPath();
        return path.getLevel() <= 1;
    }
}
