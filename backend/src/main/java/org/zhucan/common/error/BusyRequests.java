package org.zhucan.common.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request the server was too busy to let in: what failed for lack of a database connection
 * before any GraphQL field ran (the bearer token's account version, read from the database when
 * Redis does not hold it) is answered 503 with a retryable UNAVAILABLE error shaped as GraphQL's,
 * as a field that failed the same way is, instead of the container's internal error page. Nothing
 * ran, so the same request may be sent again.
 */
public final class BusyRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BusyRequests.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!ServerFaults.isBusy(e) || response.isCommitted()) {
                throw e;
            }
            String reference = UUID.randomUUID().toString();
            log.warn("Unavailable {} before {} ran: {}", reference, request.getRequestURI(), e.toString());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "1");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"errors\":[{\"message\":\"The service is busy and changed nothing; send the same request again in a moment"
                    + " (reference " + reference + ")\",\"extensions\":{\"classification\":\"UNAVAILABLE\",\"retryable\":true}}]}");
        }
    }
}
