package org.zhucan.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    @ParameterizedTest
    @CsvSource({"admin,ADMIN", "finance,FINANCE", "operator,OPERATOR", "inspector,INSPECTOR", "family,DINER"})
    void shouldLogInEachDemoRoleAndAnswerMe(String username, String role) {
        as(username).documentName("me").execute()
                .path("me.username").entity(String.class).isEqualTo(username)
                .path("me.roles").entityList(String.class).containsExactly(role);
    }

    @Test
    void shouldCarryOperatorScopeInTheToken() {
        as("operator").documentName("me").execute()
                .path("me.operatorId").entity(String.class).satisfies(id -> assertThat(id).isNotBlank())
                .path("me.regionId").valueIsNull();
        as("finance").documentName("me").execute()
                .path("me.regionId").entity(String.class).satisfies(id -> assertThat(id).isNotBlank());
    }

    @Test
    void shouldRejectWrongPasswordAsUserError() {
        anonymous().documentName("login").variable("username", "admin").variable("password", "wrong-password").execute()
                .path("login.token").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS")
                .path("login.userErrors[0].field").entityList(String.class).isEqualTo(List.of("input", "password"));
    }

    @Test
    void shouldRejectUnknownUserTheSameWayAsWrongPassword() {
        anonymous().documentName("login").variable("username", "nobody-here").variable("password", "demo1234").execute()
                .path("login.token").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void shouldAnswerUnauthorizedWithoutToken() {
        anonymous().documentName("me").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAUTHORIZED");
                    assertThat(errors.get(0).getPath()).isEqualTo("me");
                });
    }

    @Test
    void shouldRejectBlankUsernameAsBadRequestNamingTheField() {
        anonymous().documentName("login").variable("username", " ").variable("password", "x").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).contains("input.username");
                    assertThat(errors.get(0).getExtensions().get("field")).isEqualTo(List.of("input", "username"));
                });
    }

    @Test
    void shouldRejectForgedToken() {
        String forged = login("admin", DEMO_PASSWORD);
        String tampered = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        http().post().uri("/graphql")
                .header("Authorization", "Bearer " + tampered)
                .header("Content-Type", "application/json")
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldIgnoreForwardedForFromAPeerThatIsNotATrustedProxy() {
        // no trusted proxies are configured here: a client cannot choose the address it is counted under
        String name = "spoofer-" + UUID.randomUUID().toString().substring(0, 8);
        anonymous().mutate().header("X-Forwarded-For", "203.0.113.77").build()
                .documentName("login").variable("username", name).variable("password", "guess").execute()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        String after = jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'LOGIN_FAILED' AND entity_id = ?",
                String.class, pseudonyms.of(name));
        assertThat(after).doesNotContain("203.0.113.77").containsAnyOf("\"127.0.0.1\"", "\"0:0:0:0:0:0:0:1\"");
    }
}
