package org.zhucan.common.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;

/**
 * Refuses, before any resolver runs, an operation deeper or more costly than the limits
 * ({@link QueryCost}: fragments expanded, page sizes multiplied). The refusal is a request error
 * (BAD_REQUEST) that names the figure and the limit. A pure introspection query is exempt: tools
 * such as GraphiQL send one nested deeper than any real operation, and graphql-java's good-faith
 * introspection check bounds it instead.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final long maxComplexity;

    QueryLimits(int maxDepth, long maxComplexity) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        OperationDefinition operation = context.getOperationDefinition();
        if (!isIntrospectionOnly(operation)) {
            QueryCost.Cost cost = QueryCost.of(context.getGraphQLSchema(), operation, context.getFragmentsByName(),
                    context.getCoercedVariables().toMap());
            if (cost.depth() > maxDepth) {
                throw new AbortExecutionException("Query depth " + cost.depth() + " is over the limit of " + maxDepth
                        + " nested fields (fragments count as written out)");
            }
            if (cost.complexity() > maxComplexity) {
                throw new AbortExecutionException("Query complexity " + cost.complexity() + " is over the limit of "
                        + maxComplexity + ": every field costs 1, a list with first: n costs n times its selection, "
                        + "fragments and aliases count as written out; ask for fewer items or fields");
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static boolean isIntrospectionOnly(OperationDefinition operation) {
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field) || !field.getName().startsWith("__")) {
                return false;
            }
        }
        return true;
    }
}
