package org.zhucan.common.graphql;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import graphql.execution.instrumentation.ChainedInstrumentation;
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

/**
 * graphql-java's chain of instrumentations, minus its cost on every field when no member listens.
 * The chain asks each member for a context at every field's execution, fetch and completion and at
 * every object, and calls each context back on dispatch and completion: a page of 100 sites with
 * their menus is about 3,500 fields, so four members that all answer "nothing to do" (the query
 * limits, the time budget, the one-login rule and the observations) cost tens of thousands of calls
 * and lists a request, about a third of its CPU in a profile of the home screen. This chain checks
 * once, when built, which of these per-field hooks any member overrides; a hook nobody overrides
 * answers graphql-java's own no-op context at once, and one that a member does override runs
 * through the whole chain as before. Everything per request (state, parsing, validation, the
 * operation, the result) always runs through the whole chain, and so does {@code instrumentDataFetcher}, but for a
 * property read when every member that wraps fetchers leaves those alone ({@link LeavesPropertyReadsAlone}): the
 * home screen's page of 100 sites reads about 3,500 properties, and asking each member about each of them (which
 * answered the fetcher given) was about 5 % of the request threads' CPU in a profile (2026-12-06).
 */
final class LeanInstrumentationChain extends ChainedInstrumentation {

    /** Where the no-op versions of the hooks live: a member whose hook is declared here does nothing in it. */
    private static final Set<Class<?>> NO_OP_DECLARERS = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class);

    private final boolean fieldExecution;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean executeObject;
    /** Whether a property read's fetcher comes out of every member as it went in (see {@link LeavesPropertyReadsAlone}). */
    private final boolean passesPropertyReads;

    LeanInstrumentationChain(List<Instrumentation> instrumentations) {
        super(instrumentations);
        this.fieldExecution = anyOverrides(instrumentations, "beginFieldExecution", InstrumentationFieldParameters.class);
        this.fieldFetching = anyOverrides(instrumentations, "beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || anyOverrides(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
        this.fieldCompletion = anyOverrides(instrumentations, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        this.fieldListCompletion = anyOverrides(instrumentations, "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
        this.executeObject = anyOverrides(instrumentations, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
        this.passesPropertyReads = !anyOverrides(instrumentations.stream().filter(member -> !(member instanceof LeavesPropertyReadsAlone)).toList(),
                "instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class);
    }

    /** Whether some member declares its own {@code hook}, i.e. may do something in it. */
    static boolean anyOverrides(List<Instrumentation> instrumentations, String hook, Class<?>... parameters) {
        Class<?>[] withState = Arrays.copyOf(parameters, parameters.length + 1);
        withState[parameters.length] = InstrumentationState.class;
        for (Instrumentation instrumentation : instrumentations) {
            try {
                Method method = instrumentation.getClass().getMethod(hook, withState);
                if (!NO_OP_DECLARERS.contains(method.getDeclaringClass())) {
                    return true;
                }
            } catch (NoSuchMethodException unknown) {
                // a graphql-java without this hook: let the chain decide, as it would without us
                return true;
            }
        }
        return false;
    }

    /** Whether a property read passes this chain without a call to any member. */
    boolean passesPropertyReads() {
        return passesPropertyReads;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return passesPropertyReads && parameters.isTrivialDataFetcher() ? dataFetcher : super.instrumentDataFetcher(dataFetcher, parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }
}
