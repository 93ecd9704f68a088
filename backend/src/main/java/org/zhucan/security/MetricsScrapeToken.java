package org.zhucan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The shared secret that lets Prometheus scrape {@code /actuator/prometheus} without a login:
 * {@code ZHUCAN_METRICS_SCRAPE_TOKEN}, at least 32 characters, or none (empty: only an ADMIN token
 * reads the metrics). Compared in constant time.
 */
@Component
class MetricsScrapeToken {

    static final String PATH = "/actuator/prometheus";
    static final int MIN_LENGTH = 32;

    private final byte[] expected;

    MetricsScrapeToken(@Value("${zhucan.metrics.scrape-token:}") String token) {
        if (!token.isEmpty() && token.length() < MIN_LENGTH) {
            throw new IllegalStateException("ZHUCAN_METRICS_SCRAPE_TOKEN must be at least " + MIN_LENGTH + " characters, or empty");
        }
        this.expected = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request is a scrape of the metrics carrying the token. */
    boolean presentedBy(HttpServletRequest request) {
        if (expected == null || !PATH.equals(request.getRequestURI())) {
            return false;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }
}
