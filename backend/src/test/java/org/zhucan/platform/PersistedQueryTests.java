package org.zhucan.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhucan.common.graphql.GraphQlLimitsProperties;
import org.zhucan.common.graphql.PersistedQueries;
import org.zhucan.testsupport.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apollo automatic persisted queries, with the requests Apollo Client's {@code createPersistedQueryLink}
 * sends over POST (JSON body; {@code Accept: *}{@code /*} as Apollo Client 3 sends it): the hash
 * alone, then on {@code PersistedQueryNotFound} the hash with the query. Each test uses queries of
 * its own (a comment with a fresh id), since the store lives as long as the application.
 */
class PersistedQueryTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PersistedQueries persistedQueries;

    @Autowired
    GraphQlLimitsProperties limits;

    @Test
    void shouldAnswerNotFoundThenRegisterThenRunByHashAlone() {
        String token = login("operator", DEMO_PASSWORD);
        String query = me();
        String hash = sha256(query);

        Answer notFound = post(token, hashOnly(hash, 1));
        assertThat(notFound.status()).isEqualTo(200);
        assertThat(notFound.body().has("data")).isFalse();
        JsonNode error = notFound.onlyError();
        assertThat(error.path("message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");

        Answer registered = post(token, withQuery(query, hash, 1));
        assertThat(registered.body().path("errors").isMissingNode()).as(registered.body().toString()).isTrue();
        assertThat(registered.body().path("data").path("me").path("username").asString()).isEqualTo("operator");

        Answer byHash = post(token, hashOnly(hash, 1));
        assertThat(byHash.status()).isEqualTo(200);
        assertThat(byHash.body().path("errors").isMissingNode()).as(byHash.body().toString()).isTrue();
        assertThat(byHash.body().path("data").path("me").path("username").asString()).isEqualTo("operator");

        // the hash is case-insensitive hex; authentication applies to a request by hash as to any other
        Answer anonymous = post(null, hashOnly(hash.toUpperCase(), 1));
        assertThat(anonymous.onlyError().path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void shouldRefuseHashThatIsNotTheQuerysAndRegisterNothing() {
        String token = login("operator", DEMO_PASSWORD);
        String query = me();
        String wrongHash = sha256(query + " ");
        long before = persistedQueries.size();

        Answer refused = post(token, withQuery(query, wrongHash, 1));
        assertThat(refused.body().has("data")).isFalse();
        assertThat(refused.onlyError().path("message").asString()).startsWith("PersistedQueryIdInvalid");
        assertThat(refused.onlyError().path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(post(token, hashOnly(wrongHash, 1)).onlyError().path("message").asString()).isEqualTo("PersistedQueryNotFound");

        Answer notHex = post(token, hashOnly("not-a-hash", 1));
        assertThat(notHex.onlyError().path("message").asString()).startsWith("PersistedQueryIdInvalid");
        assertThat(notHex.onlyError().path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(persistedQueries.size()).isEqualTo(before);
    }

    @Test
    void shouldRefuseOtherVersionsClearly() {
        String token = login("operator", DEMO_PASSWORD);
        String query = me();
        for (int version : new int[] {0, 2}) {
            Answer refused = post(token, withQuery(query, sha256(query), version));
            assertThat(refused.body().has("data")).isFalse();
            assertThat(refused.onlyError().path("message").asString()).startsWith("PersistedQueryVersionNotSupported")
                    .contains("version 1");
            assertThat(refused.onlyError().path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        }
        assertThat(post(token, hashOnly(sha256(query), 1)).onlyError().path("message").asString()).isEqualTo("PersistedQueryNotFound");
    }

    /** The store is memory any caller can ask to fill: only valid, bounded queries of logged-in callers go in. */
    @Test
    void shouldRegisterOnlyValidBoundedQueriesOfLoggedInCallers() {
        String token = login("operator", DEMO_PASSWORD);

        // an invalid query made new each run (its hash must be unknown to the store)
        String invalid = "query Me { me { noSuchField } } # " + UUID.randomUUID();
        Answer refused = post(token, withQuery(invalid, sha256(invalid), 1));
        assertThat(refused.onlyError().path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(post(token, hashOnly(sha256(invalid), 1)).onlyError().path("message").asString()).isEqualTo("PersistedQueryNotFound");

        String anonymousQuery = me();
        Answer anonymous = post(null, withQuery(anonymousQuery, sha256(anonymousQuery), 1));
        assertThat(anonymous.onlyError().path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(post(token, hashOnly(sha256(anonymousQuery), 1)).onlyError().path("message").asString()).isEqualTo("PersistedQueryNotFound");

        // longer than zhucan.graphql.persisted-queries.max-query-length (10 000): runs, is not remembered
        String huge = me() + "\n#" + "x".repeat(10_000);
        Answer ran = post(token, withQuery(huge, sha256(huge), 1));
        assertThat(ran.body().path("data").path("me").path("username").asString()).isEqualTo("operator");
        assertThat(post(token, hashOnly(sha256(huge), 1)).onlyError().path("message").asString()).isEqualTo("PersistedQueryNotFound");
    }

    /** A persisted query runs through the same execution: over the complexity limit it is refused, by hash as in full. */
    @Test
    void shouldApplyQueryLimitsToPersistedQueries() {
        String token = login("operator", DEMO_PASSWORD);
        // each alias costs 401 (1 + 100 × 4): one more than the limit holds
        long aliases = limits.maxComplexity() / 401 + 1;
        // built one alias past the complexity limit, made new each run
        String tooMany = LongStream.range(0, aliases).mapToObj(i -> "a" + i + ": sites(first: 100) { edges { node { id name } } }")
                .collect(Collectors.joining(" ", "query Many { ", " } # " + UUID.randomUUID()));
        String hash = sha256(tooMany);
        Map<String, Object> fullBody = withQuery(tooMany, hash, 1);
        fullBody.put("operationName", "Many");
        Answer full = post(token, fullBody);
        assertThat(full.body().path("data").path("a0").isMissingNode() || full.body().path("data").isNull()).as(full.body().toString()).isTrue();
        assertThat(full.onlyError().path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");

        Map<String, Object> hashBody = hashOnly(hash, 1);
        hashBody.put("operationName", "Many");
        Answer byHash = post(token, hashBody);
        // the same refusal as the query in full (the complexity limit), not a persisted-query error
        assertThat(byHash.onlyError().path("message").asString()).isEqualTo(full.onlyError().path("message").asString());
        assertThat(byHash.onlyError().path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(byHash.body().path("data").path("a0").isMissingNode()).isTrue();
    }

    // ------------------------------------------------------------------ Apollo's request shapes

    /** A query of this test's own: Apollo prints the operation; the comment only makes the hash new. */
    private static String me() {
        // the text as Apollo prints it, with a comment that makes its hash new each run
        return "query Me {\n  me {\n    username\n  }\n}\n# " + UUID.randomUUID();
    }

    private static Map<String, Object> hashOnly(String hash, int version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", "Me");
        body.put("variables", Map.of());
        body.put("extensions", Map.of("persistedQuery", Map.of("version", version, "sha256Hash", hash)));
        return body;
    }

    private static Map<String, Object> withQuery(String query, String hash, int version) {
        Map<String, Object> body = hashOnly(hash, version);
        body.put("query", query);
        return body;
    }

    private record Answer(int status, JsonNode body) {
        JsonNode onlyError() {
            assertThat(body.path("errors")).as(body.toString()).hasSize(1);
            return body.path("errors").get(0);
        }
    }

    private Answer post(String token, Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.ALL);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        EntityExchangeResult<String> result = request.bodyValue(body).exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), JSON.readTree(result.getResponseBody()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
