package org.zhucan.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL over HTTP as one account or none, answering the raw response (data and errors), for the
 * authorization matrix: it must see every outcome as the client sees it, not through a tester that
 * fails on the first error.
 */
final class MatrixClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;
    private final Function<String, String> login;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** @param login logs an account in with the demo password and answers its token */
    MatrixClient(WebTestClient http, Function<String, String> login) {
        this.http = http;
        this.login = login;
    }

    /** The token of an account, logged in once. */
    String token(String username) {
        return tokens.computeIfAbsent(username, login);
    }

    /** The whole response body; username null sends no token. */
    Map<String, Object> send(String username, String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables == null ? Map.of() : variables);
        WebTestClient.RequestBodySpec request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (username != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(username));
        }
        Map<String, Object> response = request.bodyValue(body).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        return response == null ? Map.of() : response;
    }

    /**
     * The data of a request that must succeed: no error and, in every root payload that has them,
     * no user errors. For building fixtures, where a refusal is a broken fixture.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> data(String username, String document, Map<String, Object> variables) {
        Map<String, Object> response = send(username, document, variables);
        if (response.get("errors") != null) {
            throw new IllegalStateException("fixture request failed: " + response.get("errors") + "\n" + document);
        }
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        for (Object root : data.values()) {
            if (root instanceof Map<?, ?> payload && payload.get("userErrors") instanceof List<?> errors && !errors.isEmpty()) {
                throw new IllegalStateException("fixture request refused: " + errors + "\n" + document);
            }
        }
        return data;
    }

    /** The value at a dotted path of the data of a request that must succeed, e.g. "createSite.site.id". */
    Object at(String username, String document, Map<String, Object> variables, String path) {
        return at(data(username, document, variables), path);
    }

    /** The string at a dotted path of the data of a request that must succeed. */
    String id(String username, String document, Map<String, Object> variables, String path) {
        return String.valueOf(at(username, document, variables, path));
    }

    /** The value at a dotted path in parsed JSON; null when any step is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object json, String path) {
        Object current = json;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(step);
        }
        return current;
    }
}
