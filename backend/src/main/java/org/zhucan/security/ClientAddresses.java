package org.zhucan.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which client a request comes from, for throttling logins and public reads: the direct peer's address, or, when
 * the peer is one of the configured trusted proxies, the address the proxies name in
 * {@code X-Forwarded-For}: read from the right, the first address that is not itself a trusted
 * proxy (what a client writes into the header itself stands further left and is never reached).
 * From any other peer the header is ignored, so a client cannot pick its own address. An IPv6
 * client counts by its /64 network, since one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every guess.
 */
@Component
public class ClientAddresses implements WebGraphQlInterceptor {

    /** The GraphQL context key under which resolvers find the caller's address ({@code @ContextValue}). */
    public static final String CONTEXT_KEY = "zhucan.clientAddress";
    /** The address of a request whose peer is not known. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> trustedProxies;

    ClientAddresses(LoginProperties settings) {
        this.trustedProxies = settings.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String address = resolve(request.getRemoteAddress(), request.getHeaders());
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, address)).build());
        return chain.next(request);
    }

    String resolve(InetSocketAddress remote, HttpHeaders headers) {
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return UNKNOWN;
        }
        InetAddress client = peer;
        if (isTrusted(peer)) {
            List<String> hops = new ArrayList<>();
            for (String header : headers.getOrEmpty("X-Forwarded-For")) {
                hops.addAll(Arrays.asList(header.split(",")));
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = literal(hops.get(i).strip());
                if (hop == null) {
                    break; // garbage: what stands left of it cannot be trusted either
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** The address as counted: IPv4 dotted, IPv6 as its /64 network (the loopback address as itself). */
    static String key(InetAddress address) {
        if (address instanceof Inet6Address && !address.isLoopbackAddress()) {
            byte[] bytes = address.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /** An IP address literal (never a host name: nothing here may make a DNS query), with an optional port; null otherwise. */
    static InetAddress literal(String text) {
        String address = text;
        if (address.startsWith("[") && address.contains("]")) {
            address = address.substring(1, address.indexOf(']'));
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':')); // IPv4 with a port
        }
        try {
            if (IPV4.matcher(address).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = address.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return null;
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            // in brackets getByName reads an IPv6 literal or fails, never asks DNS (an IPv4-mapped one comes back as IPv4)
            return IPV6.matcher(address).matches() ? InetAddress.getByName("[" + address + "]") : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or CIDR range of trusted proxies, e.g. {@code 10.0.0.0/8} or {@code ::1}. */
    record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("zhucan.security.login.trusted-proxies: not an IP address or CIDR range: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("zhucan.security.login.trusted-proxies: bad prefix length in " + text);
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
