package org.zhucan.security;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses, before anything runs, an operation that would log in more than once: every alias of
 * {@code login} is one more password guess, so one request could otherwise try hundreds. The
 * root selection is walked with inline fragments and fragment spreads expanded, and login fields
 * are counted by response key (two selections under one key are merged by GraphQL into a single
 * call). {@code @skip}/{@code @include} are not evaluated: a document that could log in twice is
 * refused. Only the operation being executed counts; Spring for GraphQL runs one per HTTP
 * request (a JSON array of requests is not accepted), and each WebSocket message is throttled
 * like any other login.
 */
final class OneLoginPerRequest extends SimplePerformantInstrumentation {

    private static final String LOGIN = "login";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                          InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            Set<String> logins = new LinkedHashSet<>();
            collectLogins(operation.getSelectionSet(), parameters.getExecutionContext().getFragmentsByName(), new HashSet<>(), logins);
            if (logins.size() > 1) {
                throw new AbortExecutionException("A request may log in once: this operation selects login " + logins.size()
                        + " times (" + String.join(", ", logins) + ")");
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static void collectLogins(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> expanded,
                                      Set<String> logins) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && LOGIN.equals(field.getName())) {
                logins.add(field.getResultKey());
            } else if (selection instanceof InlineFragment inline) {
                collectLogins(inline.getSelectionSet(), fragments, expanded, logins);
            } else if (selection instanceof FragmentSpread spread && expanded.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                collectLogins(fragment == null ? null : fragment.getSelectionSet(), fragments, expanded, logins);
            }
        }
    }
}
