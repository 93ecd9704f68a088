package org.zhucan.common.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.DispatchResult;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentationContext;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request's registry dispatches the loaders a field looked up and no other, and they still batch: a
 * real graphql-java engine, one loader used among thirty registered.
 */
class UsedDataLoadersTests {

    private static final String SCHEMA = """
            type Query { sites: [Site] }
            type Site { id: ID menu: Menu }
            type Menu { id: ID }""";
    private static final int UNUSED = 30;

    private final Set<String> dispatched = ConcurrentHashMap.newKeySet();
    private final List<List<Long>> menuBatches = new CopyOnWriteArrayList<>();

    @Test
    void shouldDispatchOnlyTheLoadersAFieldLookedUp() {
        ExecutionResult result = execute(new UsedDataLoaders.Registry());

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("sites", List.of(
                Map.of("id", "1", "menu", Map.of("id", "menu-1")),
                Map.of("id", "2", "menu", Map.of("id", "menu-2")),
                Map.of("id", "3", "menu", Map.of("id", "menu-3")))));
        assertThat(menuBatches).containsExactly(List.of(1L, 2L, 3L));
        assertThat(dispatched).containsExactly("menus");
    }

    @Test
    void shouldBeWhatGraphQlJavaDoesWithoutIt() {
        // the same request over the library's own registry: every registered loader is dispatched, the batch is the same
        ExecutionResult result = execute(new DataLoaderRegistry());

        assertThat(result.getErrors()).isEmpty();
        assertThat(menuBatches).containsExactly(List.of(1L, 2L, 3L));
        assertThat(dispatched).hasSize(UNUSED + 1);
    }

    @Test
    void shouldCountNoLoaderUsedWhenSpringRegistersThem() {
        DefaultBatchLoaderRegistry spring = new DefaultBatchLoaderRegistry();
        spring.<Long, String>forName("menus").registerMappedBatchLoader((ids, environment) -> Mono.just(Map.of()));
        spring.<Long, String>forName("dishes").registerBatchLoader((ids, environment) -> Flux.empty());
        UsedDataLoaders.Registry registry = new UsedDataLoaders.Registry();

        spring.registerDataLoaders(registry, GraphQLContext.newContext().build());

        assertThat(registry.getKeys()).containsExactlyInAnyOrder("menus", "dishes");
        assertThat(registry.getDataLoaders()).isEmpty();
        assertThat(registry.getDataLoader("dishes")).isNotNull();
        assertThat(registry.getDataLoaders()).extracting(DataLoader::getName).containsExactly("dishes");
        assertThat(registry.getDataLoader("no such loader")).isNull();
    }

    @Test
    void shouldObserveTheBatchLoadsOfTheLoadersUsedThroughSpringsObservations() {
        // Spring's instrumentation would copy every loader into a registry of its own, which dispatches them all
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        Instrumentation spring = new FieldObservations.RootFieldObservations(observations, null, null, null, false);

        ExecutionResult result = execute(new UsedDataLoaders.Registry(), spring);

        assertThat(result.getErrors()).isEmpty();
        assertThat(menuBatches).containsExactly(List.of(1L, 2L, 3L));
        assertThat(dispatched).containsExactly("menus");
        assertThat(meters.find("graphql.dataloader").timers()).extracting(Timer::count).containsExactly(1L);
        assertThat(meters.find("graphql.request").timers()).extracting(Timer::count).containsExactly(1L);
    }

    private ExecutionResult execute(DataLoaderRegistry registry) {
        return execute(registry, null);
    }

    private ExecutionResult execute(DataLoaderRegistry registry, Instrumentation instrumentation) {
        DataLoaderInstrumentation dispatches = new DataLoaderInstrumentation() {
            @Override
            public DataLoaderInstrumentationContext<DispatchResult<?>> beginDispatch(DataLoader<?, ?> dataLoader) {
                dispatched.add(dataLoader.getName());
                return null;
            }
        };
        DataLoaderOptions options = DataLoaderOptions.newOptions().setInstrumentation(dispatches).build();
        registry.register("menus", DataLoaderFactory.<Long, Map<String, Object>>newDataLoader("menus", ids -> {
            menuBatches.add(List.copyOf(ids));
            return CompletableFuture.completedFuture(ids.stream().map(id -> Map.<String, Object>of("id", "menu-" + id)).toList());
        }, options));
        for (int k = 0; k < UNUSED; k++) {
            registry.register("unused-" + k, DataLoaderFactory.<Long, Object>newDataLoader("unused-" + k,
                    ids -> CompletableFuture.completedFuture(List.copyOf(ids)), options));
        }
        DataFetcher<Object> menu = environment -> environment.<Long, Object>getDataLoader("menus")
                .load(Long.valueOf((String) environment.<Map<String, Object>>getSource().get("id")));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("sites", environment -> List.of(Map.of("id", "1"), Map.of("id", "2"), Map.of("id", "3"))))
                .type("Site", type -> type.dataFetcher("menu", menu))
                .build();
        GraphQL.Builder builder = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring));
        GraphQL graphQl = instrumentation == null ? builder.build() : builder.instrumentation(instrumentation).build();
        return graphQl.execute(ExecutionInput.newExecutionInput("{ sites { id menu { id } } }").dataLoaderRegistry(registry).build());
    }
}
