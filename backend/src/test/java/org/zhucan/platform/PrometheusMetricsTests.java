package org.zhucan.platform;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus}: the GraphQL timers by operation name, read by Prometheus with the
 * scrape token or by an ADMIN, and by nobody else.
 */
@TestPropertySource(properties = "zhucan.metrics.scrape-token=" + PrometheusMetricsTests.SCRAPE_TOKEN)
class PrometheusMetricsTests extends ApiTest {

    static final String SCRAPE_TOKEN = "scrape-token-for-the-tests-0123456789";

    @Test
    void shouldTimeRequestsAndRootFieldsByOperationNameForTheScraperAndAdminsOnly() {
        as("operator").document("query LunchRushProbe { me { username } }").execute().path("me.username").entity(String.class).isEqualTo("operator");

        String scraped = http().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(scraped).containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"LunchRushProbe\"");
        assertThat(scraped).containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"me\"[^}]*\\}|"
                + "graphql_datafetcher_seconds_count\\{[^}]*graphql_operation_name=\"LunchRushProbe\"");
        assertThat(scraped).containsPattern("graphql_request_seconds_bucket\\{[^}]*graphql_operation_name=\"LunchRushProbe\"[^}]*le=\"0.25\"");
        assertThat(scraped).contains("hikaricp_connections_active", "zhucan_sql_statements");

        http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN + "x").exchange()
                .expectStatus().isUnauthorized();
        http().get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN).exchange()
                .expectStatus().isUnauthorized();
        String operatorToken = login("operator", "demo1234");
        http().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange()
                .expectStatus().isForbidden();
        String adminToken = login("admin", "demo1234");
        http().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken).exchange().expectStatus().isOk();
    }
}
