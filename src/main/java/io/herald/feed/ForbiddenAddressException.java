package io.herald.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Raised inside the HTTP client when a host resolves to an address the SSRF guard refuses. */
final class ForbiddenAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final String address;
    private final String kind;

    ForbiddenAddressException(String host, InetAddress address, String kind) {
        super(host + " resolves to " + address.getHostAddress() + ", a " + kind + " address");
        this.host = host;
        this.address = address.getHostAddress();
        this.kind = kind;
    }

    /** One sentence for users, naming the address and how to allow it. */
    String sentence() {
        String which = host.equals(address) ? address : host + " (" + address + ")";
        return which + " is a " + kind + " address and private addresses are refused;"
                + " set network.allow_private_addresses: true to allow them";
    }
}
