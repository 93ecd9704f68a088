package org.zhucan.common.error;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request the data stores could not serve outside a GraphQL field: the bearer token's account
 * version (read from the database when Redis does not hold it) before any field ran, or a plain
 * HTTP endpoint (a settlement export, a roster upload), failed for lack of a connection or on a
 * connection that broke (a node stopped, a connection killed). Answered 503 with a Retry-After and
 * a retryable UNAVAILABLE error shaped as GraphQL's, as a field that failed the same way is, instead
 * of the container's internal error page (HTTP 500, no body a client can read). Any other failure
 * goes on as it did.
 */
public final class BusyRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BusyRequests.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            ServerFaults.Unavailability kind = ServerFaults.unavailability(e);
            if (kind == null || response.isCommitted()) {
                throw e;
            }
            String reference = UUID.randomUUID().toString();
            log.warn("Unavailable {} before {} ran: {}", reference, request.getRequestURI(), e.toString());
            UnavailableAnswers.write(response, kind, reference);
        }
    }

    /** A handler that answers asynchronously (GraphQL over HTTP, an export) fails in the async dispatch: caught there too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
