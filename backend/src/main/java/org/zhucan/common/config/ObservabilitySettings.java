package org.zhucan.common.config;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the three observability variables into Spring Boot's own settings, and refuses to start on a
 * value that would silently do something else:
 * <ul>
 * <li>{@code ZHUCAN_LOG_FORMAT}: {@code text} (default), or one of Boot's structured formats {@code ecs},
 * {@code logstash}, {@code gelf} (one JSON object per line, with the trace and span ids).</li>
 * <li>{@code ZHUCAN_OTLP_TRACING_ENDPOINT}: where spans go over OTLP/HTTP, e.g.
 * {@code http://otel-collector:4318/v1/traces}. Unset, no exporter exists at all: Boot creates it as soon as
 * its endpoint property is present, even empty, which is why this is not a {@code ${...:}} placeholder in
 * application.yml.</li>
 * <li>{@code ZHUCAN_TRACING_SAMPLING_PROBABILITY}: the share of traces recorded and exported, 0 to 1. A request
 * that arrives with a W3C {@code traceparent} keeps its caller's decision.</li>
 * </ul>
 * Runs before logging starts (Boot's environment post-processors come before its logging listener), so the
 * first line the application writes is already in the chosen format.
 */
public class ObservabilitySettings implements EnvironmentPostProcessor, Ordered {

    static final String LOG_FORMAT = "ZHUCAN_LOG_FORMAT";
    static final String OTLP_TRACING_ENDPOINT = "ZHUCAN_OTLP_TRACING_ENDPOINT";
    static final String SAMPLING_PROBABILITY = "ZHUCAN_TRACING_SAMPLING_PROBABILITY";

    private static final Set<String> STRUCTURED_FORMATS = Set.of("ecs", "logstash", "gelf");
    private static final String TEXT = "text";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> boot = bootProperties(environment, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Zhucan cannot start: " + String.join("; ", problems));
        }
        if (!boot.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("zhucanObservability", boot));
        }
    }

    static Map<String, Object> bootProperties(ConfigurableEnvironment environment, List<String> problems) {
        Map<String, Object> boot = new HashMap<>();
        String format = environment.getProperty(LOG_FORMAT, "").strip();
        if (STRUCTURED_FORMATS.contains(format)) {
            boot.put("logging.structured.format.console", format);
        } else if (!format.isEmpty() && !format.equals(TEXT)) {
            problems.add(LOG_FORMAT + " is '" + format + "'; it must be text, ecs, logstash or gelf");
        }
        String endpoint = environment.getProperty(OTLP_TRACING_ENDPOINT, "").strip();
        if (!endpoint.isEmpty()) {
            if (isHttpUrl(endpoint)) {
                boot.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint);
                boot.put("management.opentelemetry.tracing.export.otlp.transport", "http");
            } else {
                problems.add(OTLP_TRACING_ENDPOINT + " is not an http(s) URL of an OTLP/HTTP receiver, e.g. "
                        + "http://otel-collector:4318/v1/traces");
            }
        }
        String probability = environment.getProperty(SAMPLING_PROBABILITY, "").strip();
        if (!probability.isEmpty()) {
            if (isProbability(probability)) {
                boot.put("management.tracing.sampling.probability", probability);
            } else {
                problems.add(SAMPLING_PROBABILITY + " is '" + probability + "'; it must be a number from 0 to 1, e.g. 0.1");
            }
        }
        return boot;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isProbability(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** After the configuration files are read (their order is HIGHEST_PRECEDENCE + 10), like RequiredSettings. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
