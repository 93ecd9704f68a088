package org.zhucan.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAndGraphiQlTests extends ApiTest {

    @Test
    void shouldReportMySqlAndRedisInHealth() {
        http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void shouldKeepMetricsForAdmins() {
        http().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldServeGraphiQlFromTheJarAlone() {
        http().get().uri("/graphiql").exchange().expectStatus().isFound()
                .expectHeader().valueMatches("Location", ".*/graphiql/$");
        String page = http().get().uri("/graphiql/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<div id=\"graphiql\">");

        List<String> assets = new ArrayList<>();
        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        while (references.find()) {
            assets.add(references.group(1));
        }
        assertThat(assets).as("scripts and styles of the page")
                .hasSize(5)
                .allSatisfy(asset -> assertThat(asset).as("served by Zhucan itself, not a CDN").startsWith("/"));
        for (String asset : assets) {
            byte[] body = http().get().uri(asset).exchange()
                    .expectStatus().isEqualTo(HttpStatus.OK)
                    .expectBody().returnResult().getResponseBody();
            assertThat(body).as(asset).isNotEmpty();
        }
    }
}
