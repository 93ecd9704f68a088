package org.zhucan.common.graphql;

import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Which GraphQL fields are observed (timers {@code graphql.datafetcher}, and spans once tracing is
 * configured): the root fields, each request's own work, and not the fields below them. A page of a
 * hundred sites with their menus would otherwise start two hundred observations per request, each
 * a timer and a long-task timer looked up by tags, for what the batch loads already time as a whole
 * ({@code graphql.dataloader}, one per batch) and the request timer ({@code graphql.request}) covers.
 * {@code zhucan.observability.nested-field-observations=true} observes every non-trivial field
 * again, for an investigation.
 *
 * <p>The fields below the root are not even wrapped: Spring's instrumentation would otherwise build,
 * for each of them, an observation context, a no-op observation (the predicate refuses it) and a
 * copy of the field's environment carrying it, only to throw them away.
 */
@Configuration(proxyBeanMethods = false)
class FieldObservations {

    @Bean
    ObservationPredicate rootFieldsObservedOnly(@Value("${zhucan.observability.nested-field-observations:false}") boolean nestedFields) {
        return (name, context) -> nestedFields || !(context instanceof DataFetcherObservationContext field) || isRoot(field);
    }

    /** Spring Boot's instrumentation, built as Boot builds it (which then makes none of its own), that leaves nested fields alone. */
    @Bean
    GraphQlObservationInstrumentation rootFieldObservationInstrumentation(
            ObservationRegistry registry, ObjectProvider<ExecutionRequestObservationConvention> requests,
            ObjectProvider<DataFetcherObservationConvention> fields, ObjectProvider<DataLoaderObservationConvention> loads,
            @Value("${zhucan.observability.nested-field-observations:false}") boolean nestedFields) {
        return new RootFieldObservations(registry, requests.getIfAvailable(), fields.getIfAvailable(), loads.getIfAvailable(), nestedFields);
    }

    /**
     * Spring's instrumentation, with the nested fields left alone, and its batch-load observations given to a request's
     * {@link UsedDataLoaders.Registry} to apply to the loaders a field looks up. Spring's own {@code instrumentExecutionInput}
     * copies every registered loader (about 130) into a new registry of its own, building each again with the observation
     * added: per request, for the two or three a page uses, and the copy would dispatch them all again.
     */
    static final class RootFieldObservations extends GraphQlObservationInstrumentation implements LeavesPropertyReadsAlone {

        private final boolean nestedFields;
        /** Spring's observation of batch loads, taken once from its own registry (it holds no state of a request). */
        private final AtomicReference<DataLoaderInstrumentation> batchLoads = new AtomicReference<>();

        RootFieldObservations(ObservationRegistry registry, ExecutionRequestObservationConvention requests, DataFetcherObservationConvention fields,
                              DataLoaderObservationConvention loads, boolean nestedFields) {
            super(registry, requests, fields, loads);
            this.nestedFields = nestedFields;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            // a property read is never observed; ask its path (built on demand) only of the others
            if (parameters.isTrivialDataFetcher() || !nestedFields && parameters.getExecutionStepInfo().getPath().getLevel() > 1) {
                return dataFetcher;
            }
            return super.instrumentDataFetcher(dataFetcher, parameters, state);
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (!(input.getDataLoaderRegistry() instanceof UsedDataLoaders.Registry used)) {
                return super.instrumentExecutionInput(input, parameters, state);
            }
            DataLoaderInstrumentation observed = batchLoads.get();
            if (observed == null) {
                observed = super.instrumentExecutionInput(input.transform(builder -> builder.dataLoaderRegistry(new DataLoaderRegistry())), parameters,
                        state).getDataLoaderRegistry().getInstrumentation();
                if (observed == null) {
                    throw new IllegalStateException("Spring's GraphQL observation no longer instruments the DataLoader registry: see UsedDataLoaders");
                }
                batchLoads.set(observed);
            }
            used.instrumentOnLookUp(observed);
            return input;
        }
    }

    private static boolean isRoot(DataFetcherObservationContext field) {
        ResultPath path = field.getEnvironment().getExecutionStepInfo().getPath();
        return path.getLevel() <= 1;
    }
}
