package org.zhucan.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Out of the box (no observability variable set): logs are text lines, each written during a request carries
 * that request's trace id, and no span or metric leaves the process: no span exporter exists, and metrics are only
 * scraped from /actuator/prometheus, never pushed.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceIdsInLogsTests extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void noSpanExporterExistsUnlessAnEndpointIsConfigured() {
        assertThat(context.getBeansOfType(SpanExporter.class).values())
                .noneMatch(exporter -> exporter.getClass().getName().toLowerCase().contains("otlp"));
    }

    @Test
    void noMetricIsPushedAnywhere() {
        assertThat(context.getBeansOfType(MeterRegistry.class).values()).extracting(registry -> registry.getClass().getName())
                .noneMatch(name -> name.toLowerCase().contains("otlp"));
    }

    @Test
    void aTextLogLineWrittenDuringARequestCarriesItsTraceId(CapturedOutput output) {
        String traceId = TracingAndJsonLogsTests.randomHex(16);
        String token = login("admin", DEMO_PASSWORD);
        Map<?, ?> answer = http().post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-" + TracingAndJsonLogsTests.randomHex(8) + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ failInternally }"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String message = String.valueOf(((Map<?, ?>) ((List<?>) answer.get("errors")).get(0)).get("message"));
        String reference = message.substring(message.lastIndexOf(' ') + 1);

        String line = await().atMost(Duration.ofSeconds(90))
                .until(() -> output.getOut().lines().filter(l -> l.contains("Internal error " + reference)).findFirst().orElse(""),
                        l -> !l.isEmpty());
        assertThat(line).doesNotStartWith("{").contains(traceId);
    }
}
