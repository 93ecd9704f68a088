package org.zhucan.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservabilitySettingsTests {

    @Test
    void nothingSetLeavesBootsDefaultsAndCreatesNoExporter() {
        StandardEnvironment environment = environment(Map.of());
        new ObservabilitySettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(environment.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
    }

    @Test
    void emptyValuesAreAsUnsetNotAnEmptyEndpoint() {
        StandardEnvironment environment = environment(Map.of(ObservabilitySettings.OTLP_TRACING_ENDPOINT, " ",
                ObservabilitySettings.LOG_FORMAT, "", ObservabilitySettings.SAMPLING_PROBABILITY, ""));
        new ObservabilitySettings().postProcessEnvironment(environment, null);

        assertThat(environment.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void validValuesBecomeBootsSettings() {
        StandardEnvironment environment = environment(Map.of(ObservabilitySettings.LOG_FORMAT, "logstash",
                ObservabilitySettings.OTLP_TRACING_ENDPOINT, "https://collector.example:4318/v1/traces",
                ObservabilitySettings.SAMPLING_PROBABILITY, "0.25"));
        new ObservabilitySettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("https://collector.example:4318/v1/traces");
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.transport")).isEqualTo("http");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
    }

    @Test
    void textIsTheExplicitDefault() {
        StandardEnvironment environment = environment(Map.of(ObservabilitySettings.LOG_FORMAT, "text"));
        new ObservabilitySettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void everyWrongValueIsNamedAtOnce() {
        StandardEnvironment environment = environment(Map.of(ObservabilitySettings.LOG_FORMAT, "json",
                ObservabilitySettings.OTLP_TRACING_ENDPOINT, "collector:4317",
                ObservabilitySettings.SAMPLING_PROBABILITY, "10%"));

        assertThatThrownBy(() -> new ObservabilitySettings().postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHUCAN_LOG_FORMAT is 'json'; it must be text, ecs, logstash or gelf")
                .hasMessageContaining("ZHUCAN_OTLP_TRACING_ENDPOINT is not an http(s) URL")
                .hasMessageContaining("ZHUCAN_TRACING_SAMPLING_PROBABILITY is '10%'");
    }

    @Test
    void aProbabilityAboveOneIsRefused() {
        List<String> problems = new ArrayList<>();
        ObservabilitySettings.bootProperties(environment(Map.of(ObservabilitySettings.SAMPLING_PROBABILITY, "1.5")), problems);

        assertThat(problems).singleElement().asString().contains("from 0 to 1");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
