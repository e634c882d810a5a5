package io.herald.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Sockets that refuse to connect to forbidden addresses: the last line of the SSRF guard, checking the very address
 * the connection goes to, whatever path (DNS or IP literal) produced it.
 */
final class GuardedSocketFactory extends SocketFactory {
    private final GuardedDns guard;

    GuardedSocketFactory(GuardedDns guard) {
        this.guard = guard;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new GuardedSocket();
        socket.connect(address);
        return socket;
    }

    private final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null) {
                guard.check(inet.getHostString(), inet.getAddress());
            }
            super.connect(endpoint, timeout);
        }
    }
}
