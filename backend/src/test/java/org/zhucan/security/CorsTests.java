package org.zhucan.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CORS on /graphql (issue 18, point 7): the tests allow {@code https://console.zhucan.test}
 * (application-test.yml). Its preflight and its requests get the CORS headers; another origin's
 * get none and are refused; an empty list allows no origin; a wildcard or a URL with a path is not a setting.
 */
class CorsTests extends ApiTest {

    private static final String ALLOWED = "https://console.zhucan.test";
    private static final String OTHER = "https://evil.example.com";

    @Test
    void shouldAnswerThePreflightOfAnAllowedOriginWithTheCorsHeaders() {
        http().options().uri("/graphql").header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase()).contains("authorization"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void shouldRefuseThePreflightOfAnotherOriginWithoutCorsHeaders() {
        http().options().uri("/graphql").header(HttpHeaders.ORIGIN, OTHER).header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void shouldGiveAnAllowedOriginsRequestTheCorsHeadersAndRefuseAnotherOrigins() {
        String query = "{\"query\": \"{ publicSites(first: 1) { totalCount } }\"}";
        http().post().uri("/graphql").header(HttpHeaders.ORIGIN, ALLOWED).contentType(MediaType.APPLICATION_JSON).bodyValue(query)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectBody().jsonPath("$.data.publicSites.totalCount").exists();
        http().post().uri("/graphql").header(HttpHeaders.ORIGIN, OTHER).contentType(MediaType.APPLICATION_JSON).bodyValue(query)
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void shouldAllowNoOriginWhenTheListIsEmpty() {
        MockHttpServletRequest preflight = new MockHttpServletRequest(HttpMethod.OPTIONS.name(), "/graphql");
        preflight.addHeader(HttpHeaders.ORIGIN, ALLOWED);
        assertThat(new SecurityConfig().corsConfigurationSource(new CorsProperties(List.of())).getCorsConfiguration(preflight)).isNull();
        assertThat(new SecurityConfig().corsConfigurationSource(new CorsProperties(List.of(" " + ALLOWED + "/ ")))
                .getCorsConfiguration(preflight).getAllowedOrigins()).containsExactly(ALLOWED);
    }

    @Test
    void shouldRefuseAWildcardOrAUrlWithAPathAsAnOrigin() {
        for (String notAnOrigin : List.of("*", "https://*.example.com", "https://console.zhucan.test/app", "console.zhucan.test", "ftp://x.cn")) {
            assertThatThrownBy(() -> new CorsProperties(List.of(notAnOrigin))).as(notAnOrigin)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zhucan.cors.allowed-origins");
        }
    }
}
