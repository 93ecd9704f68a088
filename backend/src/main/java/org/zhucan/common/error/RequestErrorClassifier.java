package org.zhucan.common.error;

import java.util.List;
import java.util.Set;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request errors the same classifications as resolver errors: a document that does not
 * parse or validate, a variable of the wrong type, or a query over the depth or complexity limit
 * is a BAD_REQUEST, and so is introspection where it is off, whatever graphql-java calls them.
 */
@Component
public class RequestErrorClassifier implements WebGraphQlInterceptor {

    private static final Set<String> REQUEST_ERROR_TYPES = Set.of(
            graphql.ErrorType.InvalidSyntax.name(),
            graphql.ErrorType.ValidationError.name(),
            graphql.ErrorType.OperationNotSupported.name(),
            graphql.ErrorType.ExecutionAborted.name(),
            // introspection asked of a server that has it off (the prod profile)
            "IntrospectionDisabled");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().noneMatch(RequestErrorClassifier::isRequestError)) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream().map(RequestErrorClassifier::reclassify).toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static boolean isRequestError(ResponseError error) {
        ErrorClassification type = error.getErrorType();
        return type != null && REQUEST_ERROR_TYPES.contains(type.toString());
    }

    private static GraphQLError reclassify(ResponseError error) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .errorType(isRequestError(error) ? ErrorType.BAD_REQUEST : error.getErrorType());
        if (error.getExtensions() != null && !error.getExtensions().isEmpty()) {
            builder.extensions(error.getExtensions());
        }
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
