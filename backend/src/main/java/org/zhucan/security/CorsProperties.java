package org.zhucan.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins may call the API from another origin ({@code zhucan.cors.*}): the admin
 * console and H5 pages served elsewhere.
 *
 * @param allowedOrigins exact origins, e.g. {@code https://console.example.gov.cn}, comma-separated in
 *     {@code ZHUCAN_CORS_ALLOWED_ORIGINS}; empty (the default) allows no cross-origin access. A
 *     wildcard is refused: the list is meant to name each client.
 */
@ConfigurationProperties("zhucan.cors")
@Validated
public record CorsProperties(@DefaultValue @NotNull List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).map(CorsProperties::checked).toList();
    }

    /** An origin as browsers send it: scheme, host and optional port, nothing else. */
    private static String checked(String origin) {
        String problem = "zhucan.cors.allowed-origins: not an origin (scheme://host[:port], no path, no wildcard): " + origin;
        try {
            URI uri = new URI(origin);
            boolean plain = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && !origin.contains("*");
            if (!plain) {
                throw new IllegalArgumentException(problem);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
