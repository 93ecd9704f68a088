package org.zhucan.common.error;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * What a subscription that ends with an exception sends as its last message, classified as
 * {@link GraphQlErrorHandling} classifies a request's: a revoked token is UNAUTHORIZED with its
 * reason, a refusal FORBIDDEN, a data store that failed under it (a broken connection, no connection in time)
 * UNAVAILABLE and retryable, anything else an INTERNAL_ERROR with a reference to the server log.
 */
@Component
public class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        if (exception instanceof AuthenticationException e) {
            return GraphqlErrorBuilder.newError().errorType(ErrorType.UNAUTHORIZED).message(e.getMessage()).build();
        }
        if (exception instanceof AccessDeniedException) {
            return GraphqlErrorBuilder.newError().errorType(ErrorType.FORBIDDEN).message(GraphQlErrorHandling.FORBIDDEN_MESSAGE).build();
        }
        String reference = UUID.randomUUID().toString();
        ServerFaults.Unavailability unavailable = ServerFaults.unavailability(exception);
        if (unavailable != null) {
            // the client subscribes again after a pause, as it sends a request again
            log.warn("Subscription ended unavailable {}: {}", reference, exception.toString());
            return GraphqlErrorBuilder.newError().errorType(Unavailable.UNAVAILABLE).message(UnavailableAnswers.message(unavailable, reference))
                    .extensions(Map.of("retryable", true)).build();
        }
        log.error("Subscription ended by internal error {}", reference, exception);
        return GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR).message(GraphQlErrorHandling.INTERNAL_MESSAGE + reference).build();
    }
}
