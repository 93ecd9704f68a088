package org.zhucan.common.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions from resolvers become GraphQL errors. Clients see a
 * classification (BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, UNAVAILABLE, TOO_MANY_REQUESTS, INTERNAL_ERROR) and
 * a message written for them; class names, SQL and stack traces stay in the server log.
 */
@ControllerAdvice
public class GraphQlErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorHandling.class);

    /** What a refused caller reads, from a request or a subscription alike. */
    static final String FORBIDDEN_MESSAGE = "Your role may not do this";
    /** What a caller reads of a fault on our side: only the reference, the details stay in the log. */
    static final String INTERNAL_MESSAGE = "Internal error; reference ";

    @GraphQlExceptionHandler
    GraphQLError badRequest(BadRequestException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, e.getMessage(), e.field());
    }

    /** Bean Validation on arguments: one error naming every field at fault, e.g. {@code input.username}. */
    @GraphQlExceptionHandler
    GraphQLError invalidArguments(ConstraintViolationException e, DataFetchingEnvironment env) {
        List<ConstraintViolation<?>> violations = new ArrayList<>(e.getConstraintViolations());
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        List<String> messages = new ArrayList<>();
        List<String> firstField = List.of();
        for (ConstraintViolation<?> violation : violations) {
            List<String> field = argumentPath(violation.getPropertyPath());
            if (firstField.isEmpty()) {
                firstField = field;
            }
            messages.add(String.join(".", field) + ": " + violation.getMessage());
        }
        return error(env, ErrorType.BAD_REQUEST, "Invalid input: " + String.join("; ", messages), firstField);
    }

    /** An argument value that cannot be bound to its input type: a malformed request, e.g. {@code input.records.0.servedAt}. */
    @GraphQlExceptionHandler
    GraphQLError unbindable(org.springframework.validation.BindException e, DataFetchingEnvironment env) {
        String argument = env.getField().getArguments().isEmpty() ? "input" : env.getField().getArguments().get(0).getName();
        List<List<String>> fields = e.getFieldErrors().stream().map(error -> {
            List<String> path = new ArrayList<>(List.of(argument));
            for (String part : error.getField().replaceFirst("^\\$\\.?", "").split("[.\\[\\]]+")) {
                if (!part.isEmpty()) {
                    path.add(part);
                }
            }
            return path;
        }).toList();
        return error(env, ErrorType.BAD_REQUEST, "Invalid input: cannot read " + String.join(", ", fields.stream().map(f -> String.join(".", f)).toList()),
                fields.isEmpty() ? List.of() : fields.get(0));
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.NOT_FOUND, e.getMessage(), List.of());
    }

    @GraphQlExceptionHandler
    GraphQLError unauthorized(AuthenticationException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.UNAUTHORIZED, "Log in first: send \"Authorization: Bearer <token>\" from the login mutation", List.of());
    }

    /** Over a rate limit: when to try again, in whole seconds (at least 1). */
    @GraphQlExceptionHandler
    GraphQLError rateLimited(RateLimitedException e, DataFetchingEnvironment env) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return GraphqlErrorBuilder.newError(env).errorType(RateLimitedException.Classification.TOO_MANY_REQUESTS)
                .message(e.getMessage() + "; try again in " + seconds + " s").extensions(Map.of("retryAfterSeconds", seconds)).build();
    }

    /** A token of an account that must change its password first: FORBIDDEN, told apart by its code. */
    @GraphQlExceptionHandler
    GraphQLError passwordChangeRequired(PasswordChangeRequiredException e, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(e.getMessage())
                .extensions(Map.of("code", PasswordChangeRequiredException.CODE)).build();
    }

    /** Every field but login requires authentication first, so a denial here is always a logged-in caller's. */
    @GraphQlExceptionHandler
    GraphQLError forbidden(AccessDeniedException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.FORBIDDEN, FORBIDDEN_MESSAGE, List.of());
    }

    /**
     * Everything else. Two kinds are told apart before calling it an internal fault: a server too
     * busy to answer or a database connection that broke (UNAVAILABLE, retryable) and a value the database refused
     * that validation let through (BAD_REQUEST: the caller's to fix; logged, as validation should
     * have said so). Each is logged with a reference the client sees.
     */
    @GraphQlExceptionHandler
    GraphQLError internal(Exception e, DataFetchingEnvironment env) {
        String reference = UUID.randomUUID().toString();
        ServerFaults.Unavailability unavailable = ServerFaults.unavailability(e);
        if (unavailable != null) {
            log.warn("Unavailable {} at {}: {}", reference, env.getExecutionStepInfo().getPath(), e.toString());
            return GraphqlErrorBuilder.newError(env).errorType(Unavailable.UNAVAILABLE).message(UnavailableAnswers.message(unavailable, reference))
                    .extensions(Map.of("retryable", true)).build();
        }
        if (ServerFaults.isRefusedValue(e)) {
            log.warn("Refused value {} at {}", reference, env.getExecutionStepInfo().getPath(), e);
            return error(env, ErrorType.BAD_REQUEST, "Invalid input: a value is too long, out of range or conflicts with what is stored; "
                    + "nothing was changed (reference " + reference + ")", List.of());
        }
        log.error("Internal error {} at {}", reference, env.getExecutionStepInfo().getPath(), e);
        return error(env, ErrorType.INTERNAL_ERROR, INTERNAL_MESSAGE + reference, List.of());
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message, List<String> field) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError(env).errorType(type).message(message);
        if (!field.isEmpty()) {
            builder.extensions(Map.of("field", field));
        }
        return builder.build();
    }

    /**
     * Drops the method name that Bean Validation puts first and keeps list positions:
     * {@code login.input.username} → {@code [input, username]}, {@code bookMeal.input.items[0].setMealName}
     * → {@code [input, items, 0, setMealName]}.
     */
    private static List<String> argumentPath(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                names.add(String.valueOf(node.getIndex()));
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names;
    }
}
