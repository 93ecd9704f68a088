package org.zhucan.common.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean chain skips only the per-field hooks no member overrides: a member that does override
 * one is called for every field and object as in graphql-java's own chain, and every member still
 * sees the request-level hooks and wraps the data fetchers.
 */
class LeanInstrumentationChainTests {

    private static final String SCHEMA = """
            type Query { sites: [Site] }
            type Site { id: ID name: String menu: Menu }
            type Menu { id: ID }
            """;

    private static final String QUERY = "{ sites { id name menu { id } } }";

    @Test
    void shouldCallAMemberThatListensOnEveryFieldAsTheFullChainDoes() {
        Recording lean = new Recording();
        Recording full = new Recording();

        ExecutionResult leanResult = graphQl(new LeanInstrumentationChain(List.of(new SimplePerformantInstrumentation(), lean)))
                .execute(QUERY);
        ExecutionResult fullResult = graphQl(new graphql.execution.instrumentation.ChainedInstrumentation(
                List.of(new SimplePerformantInstrumentation(), full))).execute(QUERY);

        assertThat(leanResult.getErrors()).isEmpty();
        assertThat(leanResult.<Object>getData()).isEqualTo(fullResult.getData());
        // sites, and per site id, name, menu and the menu's id: 1 + 2 * 4
        assertThat(lean.events).filteredOn("execution:completed"::equals).hasSize(9);
        assertThat(lean.events).filteredOn("fetching:completed"::equals).hasSize(9);
        assertThat(lean.events).filteredOn("completion:completed"::equals).hasSize(9);
        assertThat(lean.events).filteredOn("list:completed"::equals).hasSize(1);
        // the two sites and their two menus (the root object is the execution strategy's)
        assertThat(lean.events).filteredOn("object:completed"::equals).hasSize(4);
        assertThat(lean.events).filteredOn("operation"::equals).hasSize(1);
        assertThat(lean.events).filteredOn("fetcher"::equals).hasSize(9);
        assertThat(lean.events).containsExactlyInAnyOrderElementsOf(full.events);
    }

    @Test
    void shouldAnswerNoOpContextsWhenNoMemberListens() {
        LeanInstrumentationChain chain = new LeanInstrumentationChain(List.of(new SimplePerformantInstrumentation(),
                new SimplePerformantInstrumentation() {
                    @Override
                    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                                InstrumentationState state) {
                        return fetcher;
                    }
                }));

        assertThat(chain.beginFieldExecution(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(chain.beginFieldFetching(null, null)).isSameAs(FieldFetchingInstrumentationContext.NOOP);
        assertThat(chain.beginFieldCompletion(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(chain.beginFieldListCompletion(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
        assertThat(chain.beginExecuteObject(null, null)).isSameAs(ExecuteObjectInstrumentationContext.NOOP);
        assertThat(graphQl(chain).execute(QUERY).getErrors()).isEmpty();
    }

    @Test
    void shouldPassPropertyReadsByMembersThatLeaveThemAlone() {
        Wrapping marked = new Wrapping();
        ExecutionResult result = graphQl(new LeanInstrumentationChain(List.of(new SimplePerformantInstrumentation(), marked))).execute(QUERY);

        assertThat(result.getErrors()).isEmpty();
        // asked about the one fetcher that is not a property read (sites), and its wrapper ran
        assertThat(marked.asked).containsExactly("sites");
        assertThat(marked.ran).containsExactly("sites");
    }

    @Test
    void shouldAskEveryMemberAboutPropertyReadsWhenOneMayWrapThem() {
        Wrapping marked = new Wrapping();
        Recording unmarked = new Recording();
        ExecutionResult result = graphQl(new LeanInstrumentationChain(List.of(marked, unmarked))).execute(QUERY);

        assertThat(result.getErrors()).isEmpty();
        // sites, and per site id, name, menu and the menu's id: 1 + 2 * 4, to both
        assertThat(unmarked.events).filteredOn("fetcher"::equals).hasSize(9);
        assertThat(marked.asked).hasSize(9);
        assertThat(marked.ran).containsExactly("sites");
    }

    private static GraphQL graphQl(Instrumentation instrumentation) {
        DataFetcher<?> sites = environment -> List.of(Map.of("id", "1", "name", "a", "menu", Map.of("id", "m1")),
                Map.of("id", "2", "name", "b", "menu", Map.of("id", "m2")));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("sites", sites)).build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
        return GraphQL.newGraphQL(schema).instrumentation(instrumentation).build();
    }

    /** Wraps the fetchers that are not property reads, as the time budget does, and says so; records what it was asked about and what ran. */
    private static final class Wrapping extends SimplePerformantInstrumentation implements LeavesPropertyReadsAlone {

        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final List<String> ran = Collections.synchronizedList(new ArrayList<>());

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
            asked.add(field);
            if (parameters.isTrivialDataFetcher()) {
                return fetcher;
            }
            return environment -> {
                ran.add(field);
                return fetcher.get(environment);
            };
        }
    }

    /** Listens on every per-field hook and records each completion. */
    private static final class Recording extends SimplePerformantInstrumentation {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        private <T> InstrumentationContext<T> recording(String name) {
            return SimpleInstrumentationContext.whenCompleted((value, error) -> events.add(name + ":completed"));
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            events.add("operation");
            return null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
            return recording("execution");
        }

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            return FieldFetchingInstrumentationContext.adapter(recording("fetching"));
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
            return recording("completion");
        }

        @Override
        public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                       InstrumentationState state) {
            return recording("list");
        }

        @Override
        public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                      InstrumentationState state) {
            return new ExecuteObjectInstrumentationContext() {
                @Override
                public void onDispatched() {
                }

                @Override
                public void onCompleted(Map<String, Object> result, Throwable error) {
                    events.add("object:completed");
                }
            };
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            events.add("fetcher");
            return fetcher;
        }
    }
}
