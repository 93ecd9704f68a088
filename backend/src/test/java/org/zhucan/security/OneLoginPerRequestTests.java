package org.zhucan.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code login} per request: aliases, named and inline fragments cannot turn one request into
 * many password guesses. Each refused document uses names nobody else uses, and the proof that
 * nothing ran is that no attempt of them reached the audit log.
 */
class OneLoginPerRequestTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void shouldRefuseTwoAliasesOfLoginAsBadRequestBeforeEitherRuns() {
        String first = stranger();
        String second = stranger();
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        assertRefused("""
                mutation {
                  a: login(input: { username: "%s", password: "guess-1" }) { token }
                  b: login(input: { username: "%s", password: "guess-2" }) { token }
                }""".formatted(first, second), first, second);
    }

    @Test
    void shouldRefuseLoginsBehindANamedFragment() {
        String first = stranger();
        String second = stranger();
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        assertRefused("""
                mutation { ...Guesses }
                fragment Guesses on Mutation {
                  a: login(input: { username: "%s", password: "guess-1" }) { token }
                  b: login(input: { username: "%s", password: "guess-2" }) { token }
                }""".formatted(first, second), first, second);
    }

    @Test
    void shouldRefuseLoginsSpreadThroughNestedFragments() {
        String first = stranger();
        String second = stranger();
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        assertRefused("""
                mutation { ...Outer }
                fragment Outer on Mutation { ...One ...Two }
                fragment One on Mutation { a: login(input: { username: "%s", password: "guess-1" }) { token } }
                fragment Two on Mutation { b: login(input: { username: "%s", password: "guess-2" }) { token } }
                """.formatted(first, second), first, second);
    }

    @Test
    void shouldRefuseALoginInAnInlineFragmentBesideAnother() {
        String first = stranger();
        String second = stranger();
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        assertRefused("""
                mutation {
                  ... on Mutation { a: login(input: { username: "%s", password: "guess-1" }) { token } }
                  login(input: { username: "%s", password: "guess-2" }) { token }
                }""".formatted(first, second), first, second);
    }

    @Test
    void shouldRefuseLoginsEvenWhenADirectiveWouldSkipOne() {
        String first = stranger();
        String second = stranger();
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        assertRefused("""
                mutation($skip: Boolean = true) {
                  a: login(input: { username: "%s", password: "guess-1" }) { token }
                  b: login(input: { username: "%s", password: "guess-2" }) @skip(if: $skip) { token }
                }""".formatted(first, second), first, second);
    }

    @Test
    void shouldRunOneLoginSelectedTwiceUnderOneResponseKeyOnce() {
        // GraphQL merges selections of one response key into one call: one guess, so allowed
        String name = stranger();
        String input = "{ username: \"%s\", password: \"guess\" }".formatted(name);
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        anonymous().document("""
                mutation { login(input: %s) { token } ...Again }
                fragment Again on Mutation { login(input: %s) { userErrors { code } } }""".formatted(input, input))
                .execute()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        assertThat(attemptsAudited(name)).isEqualTo(1);
    }

    @Test
    void shouldRunOnlyTheNamedOperationOfADocumentWithSeveral() {
        String first = stranger();
        String second = stranger();
        // the document's shape (logins behind aliases, fragments, operations) is what is tested, so it is written out here
        anonymous().document("""
                mutation First { login(input: { username: "%s", password: "guess-1" }) { token } }
                mutation Second { login(input: { username: "%s", password: "guess-2" }) { token } }""".formatted(first, second))
                .operationName("Second")
                .execute()
                .path("login.token").valueIsNull();
        assertThat(attemptsAudited(first)).isZero();
        assertThat(attemptsAudited(second)).isEqualTo(1);
    }

    @Test
    void shouldNotAcceptABatchOfRequestsInOneHttpRequest() {
        String first = stranger();
        String second = stranger();
        // a JSON batch of two documents: the transport shape is what is tested
        String body = """
                [{"query": "mutation { login(input: { username: \\"%s\\", password: \\"guess-1\\" }) { token } }"},
                 {"query": "mutation { login(input: { username: \\"%s\\", password: \\"guess-2\\" }) { token } }"}]"""
                .formatted(first, second);
        http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue(body)
                .exchange()
                .expectStatus().is4xxClientError();
        assertThat(attemptsAudited(first)).isZero();
        assertThat(attemptsAudited(second)).isZero();
    }

    private void assertRefused(String document, String... names) {
        anonymous().document(document).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(errors.get(0).getMessage()).contains("log in once");
        });
        for (String name : List.of(names)) {
            assertThat(attemptsAudited(name)).as("audited attempts of %s", name).isZero();
        }
    }

    private int attemptsAudited(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AppUser' AND entity_id = ?", Integer.class,
                pseudonyms.of(name));
    }

    private static String stranger() {
        return "guesser-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
