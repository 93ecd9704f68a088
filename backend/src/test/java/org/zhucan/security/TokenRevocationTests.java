package org.zhucan.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClients;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token stops working on the next request once its account is disabled or its roles or scope
 * change, on every instance, over HTTP and WebSocket; not when it expires 12 hours later. The
 * changes are made through AccountService as a job would (SystemActor), since the accounts API
 * comes later (issue 18).
 */
class TokenRevocationTests extends ApiTest {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldRefuseATokenAtOnceWhenItsAccountIsDisabled() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        String token = login(username, DEMO_PASSWORD);
        assertWorks(token, username);

        AccountService.AccountState after = SystemActor.runAs("system:test", () -> accounts.disable(idOf(username)));

        assertThat(after.enabled()).isFalse();
        assertRefused(token);
        anonymous().documentName("login").variable("username", username).variable("password", DEMO_PASSWORD).execute()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        Map<String, Object> audited = jdbc.queryForMap("SELECT actor, before_state, after_state FROM audit_log "
                + "WHERE action = 'ACCOUNT_DISABLED' AND entity_type = 'AppUser' AND entity_id = ?", username);
        assertThat(audited.get("actor")).isEqualTo("system:test");
        assertThat(audited.get("before_state").toString()).contains("\"enabled\":true");
        assertThat(audited.get("after_state").toString()).contains("\"enabled\":false");

        SystemActor.runAs("system:test", () -> accounts.enable(idOf(username)));
        assertRefused(token); // enabling again does not bring old tokens back
        assertWorks(login(username, DEMO_PASSWORD), username);
    }

    @Test
    void shouldRefuseATokenAtOnceWhenItsRolesChange() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        String token = login(username, DEMO_PASSWORD);
        assertWorks(token, username);

        SystemActor.runAs("system:test", () -> accounts.changeRoles(idOf(username), Set.of(Role.INSPECTOR)));

        assertRefused(token);
        bearer(login(username, DEMO_PASSWORD)).documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("INSPECTOR");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ACCOUNT_ROLES_CHANGED' AND entity_id = ?",
                Integer.class, username)).isEqualTo(1);
    }

    @Test
    void shouldRefuseATokenAtOnceWhenItsScopeChanges() {
        String region = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM region WHERE division_code = '410371000000'", String.class);
        String username = TestAccounts.create(jdbc, "FINANCE", null, region, "吊销测试");
        String token = login(username, DEMO_PASSWORD);
        assertWorks(token, username);

        SystemActor.runAs("system:test", () -> accounts.changeScope(idOf(username), null, null));

        assertRefused(token);
        bearer(login(username, DEMO_PASSWORD)).documentName("me").execute().path("me.regionId").valueIsNull();
    }

    @Test
    void shouldKeepTokensWhenAChangeChangesNothing() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        String token = login(username, DEMO_PASSWORD);
        SystemActor.runAs("system:test", () -> accounts.changeRoles(idOf(username), Set.of(Role.FINANCE)));
        SystemActor.runAs("system:test", () -> accounts.enable(idOf(username)));
        assertWorks(token, username);
    }

    @Test
    void shouldLetOnlyAnAdminChangeAnAccount() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("finance", null, "ROLE_FINANCE"));
        try {
            assertThatThrownBy(() -> accounts.disable(idOf(username))).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertWorks(login(username, DEMO_PASSWORD), username);
    }

    @Test
    void shouldRefuseATokenWithoutAnAccountVersion() {
        // signed with the right key, as every token was before versions: its holder must log in again
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("zhucan").subject("admin").issuedAt(now).expiresAt(now.plusSeconds(600))
                .claim("name", "admin").claim("roles", List.of("ADMIN")).claim("dinerIds", List.of()).build();
        String old = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        assertRefused(old);
    }

    @Test
    void shouldRefuseARevokedTokenInWebSocketConnectionInit() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        String token = login(username, DEMO_PASSWORD);
        SystemActor.runAs("system:test", () -> accounts.disable(idOf(username)));
        WebSocketGraphQlTester tester = TestClients.webSocket(port, new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        });
        try {
            assertThatThrownBy(() -> tester.documentName("me").execute().path("me.username").entity(String.class).get())
                    .hasMessageContaining("4401");
        } finally {
            tester.stop().onErrorComplete().block();
        }
    }

    @Test
    void shouldRefuseARevokedTokenOnEveryInstance() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        String token = login(username, DEMO_PASSWORD);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            String secondUrl = "http://localhost:" + second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            TestClients.graphQl(secondUrl).mutate().header("Authorization", "Bearer " + token).build()
                    .documentName("me").execute().path("me.username").entity(String.class).isEqualTo(username);

            SystemActor.runAs("system:test", () -> accounts.disable(idOf(username)));

            assertRefusedAt(secondUrl, token);
        }
    }

    @Test
    void shouldKeepTheAccountsVersionInRedis() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "吊销测试");
        long id = idOf(username);
        String token = login(username, DEMO_PASSWORD);
        String key = TokenVersions.KEY_PREFIX + id;
        // the first check reads MySQL and fills the entry (a later one does, should Redis be too slow on a busy machine)
        awaitCached(key, "1:1", () -> assertWorks(token, username));
        assertThat(redis.getExpire(key)).isPositive();
        SystemActor.runAs("system:test", () -> accounts.disable(id));
        awaitCached(key, "2:0", () -> { });
    }

    private void awaitCached(String key, String expected, Runnable request) {
        org.awaitility.Awaitility.await("token version " + expected + " in Redis").atMost(TestClients.RESPONSE_TIMEOUT)
                .until(() -> {
                    request.run();
                    return redis.opsForValue().get(key);
                }, expected::equals);
    }

    private long idOf(String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    private void assertWorks(String token, String username) {
        bearer(token).documentName("me").execute().path("me.username").entity(String.class).isEqualTo(username);
    }

    private void assertRefused(String token) {
        assertRefusedAt(baseUrl(), token);
    }

    /** The token gets HTTP 401 from the server at this URL, as a forged or expired one does. */
    static void assertRefusedAt(String baseUrl, String token) {
        TestClients.http(baseUrl).post().uri("/graphql")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private org.springframework.graphql.test.tester.HttpGraphQlTester bearer(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }
}
