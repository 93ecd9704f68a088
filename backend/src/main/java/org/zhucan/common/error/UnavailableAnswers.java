package org.zhucan.common.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What a client reads of a request the data stores could not serve now, wherever it failed: in a
 * field (a GraphQL error), before any field ran (a servlet filter), or in a plain HTTP endpoint
 * (an export, an upload). One wording and one shape, so that a client has one rule: UNAVAILABLE
 * with {@code retryable: true} means send the same request again after a pause.
 */
final class UnavailableAnswers {

    /** Seconds a client should wait before its first retry: the pool's wait and Galera's view change are of this order. */
    static final String RETRY_AFTER_SECONDS = "1";

    private UnavailableAnswers() {
    }

    static String message(ServerFaults.Unavailability kind, String reference) {
        return switch (kind) {
            case BUSY -> "The service is busy and changed nothing; send the same request again in a moment (reference " + reference + ")";
            // a COMMIT under way when the connection broke may have been kept: the idempotency key makes the repeat safe
            case CONNECTION_LOST -> "The connection to the database broke; send the same request again in a moment (a mutation sent with"
                    + " an idempotency key is carried out at most once, whichever attempt got through) (reference " + reference + ")";
        };
    }

    /**
     * Answers 503 with a Retry-After and a body shaped as a GraphQL response with one UNAVAILABLE
     * error, as a field that failed the same way would have read.
     */
    static void write(HttpServletResponse response, ServerFaults.Unavailability kind, String reference) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the message holds no quote or backslash (a UUID reference, fixed text): no JSON escaping needed
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message(kind, reference)
                + "\",\"extensions\":{\"classification\":\"UNAVAILABLE\",\"retryable\":true}}]}");
        response.flushBuffer();
    }
}
