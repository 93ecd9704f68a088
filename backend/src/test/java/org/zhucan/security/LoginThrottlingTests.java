package org.zhucan.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.Responses;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing over HTTP, with small limits: per username, 2 free failures, then waits of
 * 10 s, 20 s, 40 s (the most), and at the 6th failure a lockout of 15 minutes; per address, 4
 * free failures and a lockout at the 8th. The application's clock is stopped and stepped, so no
 * test waits. Clients come through a trusted proxy (the test client at 127.0.0.1 or ::1), each
 * test with addresses and accounts of its own, so that counters kept in Redis between runs never
 * meet.
 */
@TestPropertySource(properties = {LoginThrottlingTests.TRUSTED_PROXIES, LoginThrottlingTests.BASE_DELAY, LoginThrottlingTests.MAX_DELAY,
        LoginThrottlingTests.LOCKOUT, LoginThrottlingTests.USERNAME_FREE, LoginThrottlingTests.USERNAME_LOCKOUT,
        LoginThrottlingTests.ADDRESS_FREE, LoginThrottlingTests.ADDRESS_LOCKOUT, LoginThrottlingTests.REDIS_TIMEOUT,
        LoginThrottlingTests.REDIS_CONNECT_TIMEOUT})
class LoginThrottlingTests extends ApiTest {

    static final String TRUSTED_PROXIES = "zhucan.security.login.trusted-proxies=127.0.0.1,::1";
    static final String BASE_DELAY = "zhucan.security.login.base-delay=10s";
    static final String MAX_DELAY = "zhucan.security.login.max-delay=40s";
    static final String LOCKOUT = "zhucan.security.login.lockout=15m";
    static final String USERNAME_FREE = "zhucan.security.login.username.free-failures=2";
    static final String USERNAME_LOCKOUT = "zhucan.security.login.username.lockout-failures=6";
    static final String ADDRESS_FREE = "zhucan.security.login.address.free-failures=4";
    static final String ADDRESS_LOCKOUT = "zhucan.security.login.address.lockout-failures=8";
    /**
     * On a saturated test machine Redis can take longer than the 300 ms production timeout, and
     * each timeout would send the counting to this instance's memory for a few seconds (the
     * fallback LoginRedisOutageTests proves); these tests are about the shared counters.
     */
    static final String REDIS_TIMEOUT = "spring.data.redis.timeout=10s";
    static final String REDIS_CONNECT_TIMEOUT = "spring.data.redis.connect-timeout=10s";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    MeterRegistry meters;

    Instant start;

    @Test
    void shouldMakeEachFailureBeyondTheFreeOnesWaitTwiceAsLongAndThenLockOut() {
        String account = TestAccounts.create(jdbc, "FINANCE", null, null, "限流测试");
        double lockoutsBefore = meters.get("zhucan.security.login.lockouts").tag("scope", "username").counter().count();
        double refusedBefore = meters.get("zhucan.security.login.refused").counter().count();
        stopClock();
        assertFailed(account, "wrong-1");
        assertFailed(account, "wrong-2");
        assertFailed(account, "wrong-3"); // the third failure: 10 s to wait
        // refused, even with the right password: nothing is checked while the name must wait
        assertRefusedUntil(account, DEMO_PASSWORD, start.plusSeconds(10));
        at(start.plusSeconds(10).minusMillis(1));
        assertRefusedUntil(account, DEMO_PASSWORD, start.plusSeconds(10));
        at(start.plusSeconds(10));
        assertFailed(account, "wrong-4"); // now 20 s
        assertRefusedUntil(account, "wrong-5", start.plusSeconds(30));
        at(start.plusSeconds(30));
        assertFailed(account, "wrong-5"); // 40 s, the most
        at(start.plusSeconds(70));
        String lockingAddress = assertFailed(account, "wrong-6"); // the sixth: locked out for 15 minutes
        Instant lockedUntil = start.plusSeconds(70).plus(Duration.ofMinutes(15));
        assertRefusedUntil(account, DEMO_PASSWORD, lockedUntil);
        at(lockedUntil.minusSeconds(1));
        assertRefusedUntil(account, DEMO_PASSWORD, lockedUntil);

        Map<String, Object> lockout = jdbc.queryForMap("""
                SELECT actor, entity_id, after_state FROM audit_log
                WHERE action = 'LOGIN_LOCKED_OUT' AND entity_type = 'AppUser' AND entity_id = ?""", account);
        assertThat(lockout.get("actor")).isEqualTo(account);
        assertThat(lockout.get("after_state").toString()).contains("\"USERNAME\"").contains("\"" + lockingAddress + "\"");
        assertThat(meters.get("zhucan.security.login.lockouts").tag("scope", "username").counter().count()).isEqualTo(lockoutsBefore + 1);
        assertThat(meters.get("zhucan.security.login.refused").counter().count()).isEqualTo(refusedBefore + 5);

        at(lockedUntil);
        login(from(newAddress()), account, DEMO_PASSWORD).path("login.token").entity(String.class).satisfies(token -> assertThat(token).isNotBlank());
        // the success cleared the name's failures: two free ones again, not a new lockout
        assertFailed(account, "wrong-7");
        assertFailed(account, "wrong-8");
        login(from(newAddress()), account, DEMO_PASSWORD).path("login.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldShareALockoutWithASecondInstanceOnTheSameRedis() {
        String account = TestAccounts.create(jdbc, "FINANCE", null, null, "限流测试");
        stopClock();
        for (int i = 1; i <= 6; i++) {
            at(start.plus(Duration.ofSeconds(70L * i)));
            assertFailed(account, "wrong-" + i);
        }
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpGraphQlTester other = TestClients.graphQl("http://localhost:" + secondPort).mutate()
                    .header("X-Forwarded-For", newAddress()).build();
            // the second instance runs on real time, inside the 15 minutes that began at the sixth failure
            login(other, account, DEMO_PASSWORD)
                    .path("login.token").valueIsNull()
                    .path("login.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
        }
    }

    @Test
    void shouldCountInvitationCodeGuessesAsLoginsAreCounted() {
        HttpGraphQlTester client = from(newAddress());
        stopClock();
        for (int i = 1; i <= 3; i++) {
            redeem(client, "GUESS-" + i).path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INVITATION");
        }
        // two free guesses, and the third made the address wait 10 s: the fourth is refused unchecked
        redeem(client, "GUESS-4").path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
        redeem(from(newAddress()), "GUESS-5").path("redeemFamilyInvitation.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_INVITATION");
        at(start.plusSeconds(10));
        redeem(client, "GUESS-6").path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INVITATION");
    }

    @Test
    void shouldThrottleAnonymousObjectionsToPublishedApplicationsPerAddress() {
        HttpGraphQlTester client = from(newAddress());
        stopClock();
        for (int i = 1; i <= 3; i++) {
            assertThat(Responses.errorType(object(client, "SQ9" + i))).isEqualTo("NOT_FOUND");
        }
        // two free objections, and the third made the address wait 10 s: the fourth is refused unread
        assertThat(Responses.errorType(object(client, "SQ94"))).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Responses.errorType(object(from(newAddress()), "SQ95"))).isEqualTo("NOT_FOUND");
        at(start.plusSeconds(10));
        assertThat(Responses.errorType(object(client, "SQ96"))).isEqualTo("NOT_FOUND");
    }

    private static GraphQlTester.Response object(HttpGraphQlTester client, String number) {
        return client.documentName("eligibilityObject").variable("input", java.util.Map.of("applicationNumber", number, "reason", "情况不实"))
                .execute();
    }

    private static GraphQlTester.Response redeem(HttpGraphQlTester client, String code) {
        return client.documentName("familyRedeemInvitation").variable("input", java.util.Map.of("code", code, "username", "guesser",
                "password", "Harbour-Light-2026", "displayName", "猜码")).execute();
    }

    @Test
    void shouldLimitAnAddressAcrossUsernames() {
        String address = newAddress();
        HttpGraphQlTester client = from(address);
        stopClock();
        for (int i = 1; i <= 5; i++) {
            login(client, stranger(), "guess").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        }
        // the fifth failure from this address made it wait 10 s, whatever name it tries next
        String someoneElse = TestAccounts.create(jdbc, "FINANCE", null, null, "限流测试");
        GraphQlTester.Response refused = login(client, someoneElse, DEMO_PASSWORD);
        refused.path("login.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
        refused.path("login.retryAfter").entity(String.class).satisfies(text ->
                assertThat(OffsetDateTime.parse(text).toInstant()).isEqualTo(start.plusSeconds(10)));
        // from another address the same account logs in at once
        login(from(newAddress()), someoneElse, DEMO_PASSWORD).path("login.userErrors").entityList(Object.class).hasSize(0);

        at(start.plusSeconds(10));
        login(client, stranger(), "guess").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        at(start.plusSeconds(30));
        login(client, stranger(), "guess").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        at(start.plusSeconds(70));
        login(client, stranger(), "guess").path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        // the eighth: the address is locked out, and the lockout audited
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_LOCKED_OUT' AND entity_type = 'LoginAddress' AND entity_id = ?""",
                Integer.class, address)).isEqualTo(1);
        at(start.plusSeconds(70).plus(Duration.ofMinutes(14)));
        login(client, someoneElse, DEMO_PASSWORD).path("login.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    void shouldLetOnlyAFewOfABurstOfParallelGuessesThrough() throws Exception {
        String account = TestAccounts.create(jdbc, "FINANCE", null, null, "限流测试");
        stopClock();
        // counted before the password is checked: the burst cannot all pass before the first failure is written
        List<String> outcomes = Race.run(12, i -> login(from(newAddress()), account, "guess-" + i)
                .path("login.userErrors[0].code").entity(String.class).get());
        assertThat(outcomes.stream().filter("INVALID_CREDENTIALS"::equals).count()).isEqualTo(3);
        assertThat(outcomes.stream().filter("TOO_MANY_ATTEMPTS"::equals).count()).isEqualTo(9);
    }

    @Test
    void shouldCountTheClientNamedByTheTrustedProxyNotWhatTheClientWroteBeforeIt() {
        String real = newAddress();
        String spoofed = newAddress();
        String name = stranger();
        // the client wrote "spoofed" itself; the trusted proxy appended the address it saw
        TestClients.graphQl(baseUrl()).mutate().header("X-Forwarded-For", spoofed + ", " + real).build()
                .documentName("login").variable("username", name).variable("password", "guess").execute()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        String after = jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'LOGIN_FAILED' AND entity_id = ?",
                String.class, pseudonyms.of(name));
        assertThat(after).contains("\"" + real + "\"").doesNotContain(spoofed);
    }

    /** A failed attempt from an address of its own (so that only the name's counter grows); returns the address. */
    private String assertFailed(String username, String password) {
        String address = newAddress();
        login(from(address), username, password)
                .path("login.token").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        return address;
    }

    private void assertRefusedUntil(String username, String password, Instant until) {
        login(from(newAddress()), username, password)
                .path("login.token").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS")
                .path("login.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains("try again in"))
                .path("login.retryAfter").entity(String.class).satisfies(text -> assertThat(OffsetDateTime.parse(text).toInstant()).isEqualTo(until));
    }

    private GraphQlTester.Response login(HttpGraphQlTester client, String username, String password) {
        return client.documentName("login").variable("username", username).variable("password", password).execute();
    }

    /** A client behind the trusted proxy at this address. */
    private HttpGraphQlTester from(String address) {
        return TestClients.graphQl(baseUrl()).mutate().header("X-Forwarded-For", address).build();
    }

    private void stopClock() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
    }

    private void at(Instant instant) {
        clock.stopAt(instant);
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String stranger() {
        return "guesser-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static ConfigurableApplicationContext secondInstance() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--zhucan.demo.enabled=false"));
        for (String setting : List.of(TRUSTED_PROXIES, BASE_DELAY, MAX_DELAY, LOCKOUT, USERNAME_FREE, USERNAME_LOCKOUT, ADDRESS_FREE,
                ADDRESS_LOCKOUT, REDIS_TIMEOUT, REDIS_CONNECT_TIMEOUT)) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(ZhucanApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }
}
