package io.herald.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the bundled sample feeds on 127.0.0.1 for {@code herald demo}. */
final class DemoFeedServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    private DemoFeedServer(HttpServer server) {
        this.server = server;
    }

    static DemoFeedServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoFeedServer demo = new DemoFeedServer(http);
        http.createContext("/", demo::serve);
        http.start();
        return demo;
    }

    /** Serves the bundled resource {@code /demo/<resource>} at {@code path} from now on. */
    void publish(String path, String resource, String contentType) throws IOException {
        try (InputStream in = DemoFeedServer.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IOException("missing demo resource " + resource);
            }
            bodies.put(path, in.readAllBytes());
            types.put(path, contentType);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = bodies.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", types.get(exchange.getRequestURI().getPath()));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
