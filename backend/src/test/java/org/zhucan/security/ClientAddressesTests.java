package org.zhucan.security;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address a login is counted under, for the peer and X-Forwarded-For shapes proxies send. */
class ClientAddressesTests {

    private static final ClientAddresses BEHIND_PROXIES = addresses("10.0.0.0/8", "2001:db8:ffff::1");
    private static final ClientAddresses NO_PROXIES = addresses();

    @Test
    void shouldIgnoreForwardedForFromAnUntrustedPeer() {
        assertThat(NO_PROXIES.resolve(peer("198.51.100.9"), forwardedFor("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(BEHIND_PROXIES.resolve(peer("198.51.100.9"), forwardedFor("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void shouldTakeTheRightmostAddressThatIsNotATrustedProxy() {
        // the client wrote 6.6.6.6 itself; the outer proxy 10.1.1.1 forwarded to the inner one, which is the peer
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), forwardedFor("6.6.6.6, 203.0.113.7, 10.1.1.1"))).isEqualTo("203.0.113.7");
        // several header lines read as one list
        HttpHeaders lines = new HttpHeaders();
        lines.add("X-Forwarded-For", "6.6.6.6");
        lines.add("X-Forwarded-For", "203.0.113.8");
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), lines)).isEqualTo("203.0.113.8");
    }

    @Test
    void shouldStopAtGarbageAndNeverResolveANameThroughDns() {
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), forwardedFor("203.0.113.7, evil.example.com"))).isEqualTo("10.2.2.2");
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), forwardedFor("999.1.1.1"))).isEqualTo("10.2.2.2");
        assertThat(ClientAddresses.literal("localhost")).isNull();
        assertThat(ClientAddresses.literal("1:2")).isNull();
    }

    @Test
    void shouldReadPortsBracketsAndMappedAddresses() {
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), forwardedFor("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), forwardedFor("[2001:db8:1:2::5]:443"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(BEHIND_PROXIES.resolve(peer("10.2.2.2"), forwardedFor("::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldCountAnIpv6ClientByItsSlash64() {
        assertThat(NO_PROXIES.resolve(peer("2001:db8:1:2::5"), new HttpHeaders()))
                .isEqualTo(NO_PROXIES.resolve(peer("2001:db8:1:2:ffff::9"), new HttpHeaders()))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(NO_PROXIES.resolve(peer("::1"), new HttpHeaders())).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(BEHIND_PROXIES.resolve(peer("2001:db8:ffff::1"), forwardedFor("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void shouldRefuseATrustedProxyThatIsNotAnAddress() {
        assertThatThrownBy(() -> addresses("proxy.internal")).hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> addresses("10.0.0.0/33")).hasMessageContaining("trusted-proxies");
    }

    private static ClientAddresses addresses(String... trusted) {
        return new ClientAddresses(new LoginProperties(List.of(trusted), java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(15), java.time.Duration.ofHours(1), new LoginProperties.UsernameLimits(3, 10),
                new LoginProperties.AddressLimits(20, 100)));
    }

    private static InetSocketAddress peer(String address) {
        return new InetSocketAddress(ClientAddresses.literal(address), 40000);
    }

    private static HttpHeaders forwardedFor(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", value);
        return headers;
    }
}
