package org.zhucan.common.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.schema.DataFetcher;
import org.zhucan.common.error.BadRequestException;

/**
 * A second guard behind the cost limit: a query that is still fetching when its time budget is
 * spent stops fetching. Every resolver that has not started by then answers null with one
 * BAD_REQUEST error for the request; the fields already fetched are returned.
 *
 * <p>Queries get the ordinary budget, or the report budget when one of their root fields is a
 * report (statements, dashboards, evaluations: their single statements scan a month of records).
 * Mutations and subscriptions have none: a mutation is one transaction that either commits or not,
 * and cutting its answer after the commit would hide what was changed; a subscription lives as long
 * as its client wants. The database's statement timeout bounds each statement either way.
 */
final class RequestTimeBudget extends SimplePerformantInstrumentation implements LeavesPropertyReadsAlone {

    static final String EXCEEDED = "The query ran out of its time budget; fields not fetched by then are null. "
            + "Ask for fewer items or fields";

    private final Duration budget;
    private final Duration reportBudget;
    private final Set<String> reportFields;

    RequestTimeBudget(Duration budget, Duration reportBudget, Set<String> reportFields) {
        this.budget = budget;
        this.reportBudget = reportBudget;
        this.reportFields = reportFields;
    }

    /** The clock of one request: started when it arrived, with its deadline set once the operation is known. */
    static final class Deadline implements InstrumentationState {
        private final long startedNanos = System.nanoTime();
        private volatile long budgetNanos = Long.MAX_VALUE;
        private volatile boolean exceeded;

        boolean spent() {
            return System.nanoTime() - startedNanos > budgetNanos;
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Deadline());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        Duration limit = budgetOf(parameters.getExecutionContext().getOperationDefinition());
        if (limit != null && state instanceof Deadline deadline) {
            deadline.budgetNanos = limit.toNanos();
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The budget of an operation, or null for none. */
    Duration budgetOf(OperationDefinition operation) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return null;
        }
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && reportFields.contains(field.getName())) {
                return reportBudget;
            }
        }
        return budget;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        // a property read costs nothing and is not worth a check (or an error) per leaf
        if (parameters.isTrivialDataFetcher() || !(state instanceof Deadline deadline)) {
            return dataFetcher;
        }
        return environment -> {
            if (deadline.spent()) {
                deadline.exceeded = true;
                throw new BadRequestException(EXCEEDED);
            }
            return dataFetcher.get(environment);
        };
    }

    /** One error for the request, not one per field that did not run. */
    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (!(state instanceof Deadline deadline) || !deadline.exceeded) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>();
        boolean reported = false;
        for (GraphQLError error : result.getErrors()) {
            boolean overBudget = EXCEEDED.equals(error.getMessage());
            if (!overBudget || !reported) {
                errors.add(error);
            }
            reported |= overBudget;
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }
}
