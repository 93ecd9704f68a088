package org.zhucan.common.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.validation.ValidationError;

/**
 * Applies a per-operation limit to every operation except a pure introspection query. Tools such
 * as GraphiQL send a standard introspection query nested deeper than any real operation needs.
 */
final class IntrospectionExempt extends SimplePerformantInstrumentation {

    private final Instrumentation limit;

    IntrospectionExempt(Instrumentation limit) {
        this.limit = limit;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return limit.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return limit.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (isIntrospectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
            return super.beginExecuteOperation(parameters, state);
        }
        return limit.beginExecuteOperation(parameters, state);
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
