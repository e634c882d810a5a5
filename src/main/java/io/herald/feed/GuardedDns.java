package io.herald.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.Dns;

/**
 * Resolves host names and refuses the lookup when any address is forbidden. The HTTP client connects only to
 * addresses this returns, so the check covers the address actually connected to (no DNS-rebinding gap).
 */
final class GuardedDns implements Dns {
    private final Dns delegate;
    private final Function<InetAddress, Optional<String>> classifier;

    GuardedDns(Dns delegate, Function<InetAddress, Optional<String>> classifier) {
        this.delegate = delegate;
        this.classifier = classifier;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            check(hostname, address);
        }
        return addresses;
    }

    /** Throws when the address is in a forbidden network. */
    void check(String hostname, InetAddress address) throws ForbiddenAddressException {
        Optional<String> kind = classifier.apply(address);
        if (kind.isPresent()) {
            throw new ForbiddenAddressException(hostname, address, kind.get());
        }
    }
}
