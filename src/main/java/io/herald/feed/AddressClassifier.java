package io.herald.feed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells whether an IP address belongs to a network a feed fetch must never reach (SSRF guard):
 * loopback, unspecified, private, carrier-grade NAT, link-local (cloud metadata), multicast, reserved,
 * IPv6 unique-local and site-local, and the IPv4 addresses embedded in IPv6 forms.
 */
final class AddressClassifier {

    private AddressClassifier() {
    }

    /** The kind of forbidden network the address is in (e.g. "loopback"), or empty when it is public. */
    static Optional<String> forbiddenKind(InetAddress address) {
        if (address instanceof Inet4Address) {
            return ipv4Kind(address.getAddress());
        }
        return ipv6Kind((Inet6Address) address);
    }

    private static Optional<String> ipv4Kind(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 0) {
            return Optional.of("unspecified (this-network)");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("carrier-grade NAT (shared)");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("IETF protocol-assignment");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("benchmarking");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast");
        }
        if (a0 >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Kind(Inet6Address address) {
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        Optional<byte[]> embedded = embeddedIpv4(b);
        if (embedded.isPresent()) {
            return ipv4Kind(embedded.get());
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("private (unique-local)");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("private (site-local)");
        }
        if (b0 == 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms. */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean firstTenZero = allZero(b, 0, 10);
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            return Optional.of(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an IP literal, including the short and numeric IPv4 forms ({@code 127.1}, {@code 2130706433}) that
     * HTTP clients connect to without asking DNS; empty for host names.
     */
    static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = h.matches("[\\d.]+");
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-fA-F:.%a-zA-Z]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
