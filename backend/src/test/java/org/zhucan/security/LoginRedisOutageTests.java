package org.zhucan.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestSettings;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away under a running instance (a Redis of this test's own, stopped and started
 * again): logins still work and are still throttled (in this instance's memory), tokens are still
 * checked (against MySQL), a revocation made meanwhile still takes effect, and reaches Redis once
 * it is back. The fallbacks are counted.
 */
class LoginRedisOutageTests {

    private static final String PASSWORD = "demo1234";

    private int redisPort;
    private RedisServer redis;
    private ConfigurableApplicationContext application;
    private String baseUrl;

    @BeforeEach
    void start() throws IOException {
        redisPort = freePort();
        redis = startRedis(redisPort);
        List<String> arguments = new ArrayList<>(TestSettings.explicitServiceArguments().stream()
                .filter(argument -> !argument.startsWith("--zhucan.redis.url=")).toList());
        arguments.addAll(List.of("--zhucan.redis.url=redis://127.0.0.1:" + redisPort + "/0", "--zhucan.demo.enabled=false",
                "--zhucan.booking.jobs-enabled=false", "--" + LoginThrottlingTests.TRUSTED_PROXIES, "--" + LoginThrottlingTests.BASE_DELAY,
                "--" + LoginThrottlingTests.MAX_DELAY, "--" + LoginThrottlingTests.LOCKOUT, "--" + LoginThrottlingTests.USERNAME_FREE,
                "--" + LoginThrottlingTests.USERNAME_LOCKOUT, "--" + LoginThrottlingTests.ADDRESS_FREE,
                "--" + LoginThrottlingTests.ADDRESS_LOCKOUT));
        application = new SpringApplicationBuilder(ZhucanApplication.class).run(arguments.toArray(String[]::new));
        baseUrl = "http://localhost:" + application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (!redis.isActive()) {
                redis = startRedis(redisPort); // closing goes quickest with Redis there
            }
            application.close();
        } finally {
            redis.stop();
        }
    }

    @Test
    void shouldKeepLoggingInThrottlingAndCheckingTokensWhileRedisIsDown() throws IOException {
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        String account = TestAccounts.create(jdbc, "FINANCE", null, null, "Redis 故障测试");
        String other = TestAccounts.create(jdbc, "FINANCE", null, null, "Redis 故障测试");
        String token = login(account, PASSWORD).path("login.token").entity(String.class).get();
        long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, account);

        redis.stop();

        assertMe(token, account);
        login(account, "wrong-1").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        login(account, "wrong-2").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        login(account, "wrong-3").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        // still throttled: the third failure made the name wait 10 s, counted in this instance's memory
        login(account, PASSWORD).path("login.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
        // and still logging in
        String otherToken = login(other, PASSWORD).path("login.token").entity(String.class).get();
        assertMe(otherToken, other);

        // a revocation made while Redis is down takes effect at once (the check reads MySQL) ...
        SystemActor.runAs("system:test", () -> application.getBean(AccountService.class).disable(id));
        assertRefused(token);

        MeterRegistry meters = application.getBean(MeterRegistry.class);
        assertThat(meters.get("zhucan.security.redis.fallbacks").tag("use", "login-throttle").counter().count()).isPositive();
        assertThat(meters.get("zhucan.security.redis.fallbacks").tag("use", "token-version").counter().count()).isPositive();

        // ... and reaches Redis once it is back, so that no instance reads an older version from there
        redis = startRedis(redisPort);
        StringRedisTemplate template = application.getBean(StringRedisTemplate.class);
        // until the client has reconnected, a read fails: that is waited out, not a failure
        await("the token version written to Redis again").atMost(Duration.ofMinutes(2)).ignoreExceptions()
                .until(() -> template.opsForValue().get(TokenVersions.KEY_PREFIX + id), "2:0"::equals);
        assertRefused(token);
    }

    private GraphQlTester.Response login(String username, String password) {
        String address = "10.7." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254));
        HttpGraphQlTester client = TestClients.graphQl(baseUrl).mutate().header("X-Forwarded-For", address).build();
        return client.documentName("login").variable("username", username).variable("password", password).execute();
    }

    private void assertMe(String token, String username) {
        TestClients.graphQl(baseUrl).mutate().header("Authorization", "Bearer " + token).build()
                .documentName("me").execute().path("me.username").entity(String.class).isEqualTo(username);
    }

    private void assertRefused(String token) {
        TokenRevocationTests.assertRefusedAt(baseUrl, token);
    }

    private static RedisServer startRedis(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
