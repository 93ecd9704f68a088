package org.zhucan.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A username typed at login that looks like an ID or phone number never lands in clear in the
 * audit log (actor, entity, before, after) nor in a Redis key: failed logins and lockouts keep
 * its pseudonym. Runs with LoginThrottlingTests' small limits, so that a lockout is quick to reach.
 */
@TestPropertySource(properties = {LoginThrottlingTests.TRUSTED_PROXIES, LoginThrottlingTests.BASE_DELAY, LoginThrottlingTests.MAX_DELAY,
        LoginThrottlingTests.LOCKOUT, LoginThrottlingTests.USERNAME_FREE, LoginThrottlingTests.USERNAME_LOCKOUT,
        LoginThrottlingTests.ADDRESS_FREE, LoginThrottlingTests.ADDRESS_LOCKOUT, LoginThrottlingTests.REDIS_TIMEOUT,
        LoginThrottlingTests.REDIS_CONNECT_TIMEOUT})
class LoginAuditPrivacyTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    AuditService auditService;

    @Test
    void shouldKeepOnlyAPseudonymOfIdAndPhoneNumbersTypedAtFailedLogins() {
        String idNumber = idNumber();
        String mistypedId = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
        String legacyId = randomDigits("41030549", 15);
        String phone = randomDigits("139", 11);
        List<String> typed = List.of(idNumber, idNumber.toLowerCase(), mistypedId, legacyId, phone,
                "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7));
        typed.forEach(this::failFromNewAddress);
        typed.forEach(this::assertNowhereInClear);
        for (String number : List.of(idNumber, mistypedId, legacyId, phone)) {
            assertNowhereInClear(number);
        }
        // one pseudonym per number, however it was typed: its rows still find each other
        assertThat(failuresAudited(pseudonyms.of(idNumber))).isEqualTo(2);
        assertThat(failuresAudited(pseudonyms.of(phone))).isEqualTo(2);
        assertThat(failuresAudited(pseudonyms.of(legacyId))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'LOGIN_FAILED' AND entity_id = ? LIMIT 1", String.class,
                pseudonyms.of(phone))).isEqualTo(pseudonyms.of(phone)).startsWith("hmac:").hasSize(45);
    }

    @Test
    void shouldKeepOnlyAPseudonymInTheLockoutOfAnIdNumber() {
        String idNumber = idNumber();
        for (int i = 0; i < 6; i++) {
            failFromNewAddress(idNumber);
            // past each wait without waiting: the attempts come 10 minutes apart on the application's clock
            clock().stopAt(java.time.Instant.now().plus(java.time.Duration.ofMinutes(10L * (i + 1))));
        }
        clock().resume();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_LOCKED_OUT' AND actor = ? AND entity_id = ?",
                Integer.class, pseudonyms.of(idNumber), pseudonyms.of(idNumber))).isEqualTo(1);
        assertNowhereInClear(idNumber);
        Set<String> keys = redis.keys(LoginThrottle.KEY_PREFIX + "*");
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(idNumber.substring(6, 14)));
    }

    @Test
    void shouldWriteAnAccountNamedLikeAPhoneNumberAsItsPseudonymEverywhere() {
        String phone = randomDigits("137", 11);
        TestAccounts.create(jdbc, phone, "FINANCE", null, null, "手机号账号");
        failFromNewAddress(phone);
        clientFromNewAddress().documentName("login").variable("username", phone).variable("password", DEMO_PASSWORD).execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(phone, null, "ROLE_FINANCE"));
        try {
            auditService.record("TEST_CHANGE", "PrivacyTest", "1", null, Map.of("step", 1));
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertNowhereInClear(phone);
        // an admin looking for the number finds its rows: the filter looks for the pseudonym
        String admin = clientFromNewAddress().documentName("login").variable("username", "admin").variable("password", DEMO_PASSWORD)
                .execute().path("login.token").entity(String.class).get();
        TestClients.graphQl(baseUrl()).mutate().header("Authorization", "Bearer " + admin).build()
                .documentName("auditLog").variable("filter", Map.of("actor", phone)).execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(3)
                .path("auditLog.edges[*].node.action").entityList(String.class)
                .containsExactly("TEST_CHANGE", "LOGIN_SUCCEEDED", "LOGIN_FAILED");
    }

    @Test
    void shouldWriteAnOrdinaryAccountNameInClear() {
        String username = TestAccounts.create(jdbc, "FINANCE", null, null, "普通账号");
        failFromNewAddress(username);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'LOGIN_FAILED' AND entity_id = ?", String.class,
                username)).isEqualTo(username);
    }

    /**
     * Every login here comes through the trusted proxy from an address of its own: with this
     * context's small limits, attempts from the test client's own address would add to the counter
     * that the other test classes' attempts (with limits out of reach) have grown.
     */
    private HttpGraphQlTester clientFromNewAddress() {
        return TestClients.graphQl(baseUrl()).mutate().header("X-Forwarded-For", "10.9." + random(256) + "." + (1 + random(254))).build();
    }

    private void failFromNewAddress(String username) {
        clientFromNewAddress().documentName("login").variable("username", username).variable("password", "not-the-password").execute()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
    }

    /** Neither the text as typed nor its last ten characters (the number without a prefix) in any column. */
    private void assertNowhereInClear(String typed) {
        for (String text : List.of(typed, typed.substring(typed.length() - 10))) {
            String pattern = "%" + text + "%";
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM audit_log
                    WHERE actor LIKE ? OR entity_id LIKE ? OR CAST(before_state AS CHAR) LIKE ? OR CAST(after_state AS CHAR) LIKE ?""",
                    Integer.class, pattern, pattern, pattern, pattern))
                    .as("audit rows holding %s in clear", text).isZero();
        }
    }

    private int failuresAudited(String pseudonym) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED' AND actor = ? AND entity_id = ?",
                Integer.class, pseudonym, pseudonym);
    }

    @Autowired
    org.zhucan.testsupport.TestClock testClock;

    private org.zhucan.testsupport.TestClock clock() {
        return testClock;
    }

    /** A valid 18-character ID number (GB 11643 check character), different on every run. */
    private static String idNumber() {
        String first17 = "410305" + (1940 + random(30)) + String.format("%02d%02d", 1 + random(12), 1 + random(28)) + String.format("%03d", random(1000));
        String number = first17 + IdNumber.checkCharacter(first17);
        return IdNumber.parse(number).value();
    }

    private static String randomDigits(String prefix, int length) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length) {
            digits.append(random(10));
        }
        return digits.toString();
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
