package io.herald.http;

import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's HTTP server (Jetty): one connector on {@code address:port} with header, body and idle timeouts, a cap
 * on open connections, a bounded thread pool, and size limits, so that slow or many clients cannot starve
 * the health checks, the metrics scrape or Slack's requests. Jetty waits for bytes without holding a thread, so a
 * client that dribbles its request costs a connection slot, never a worker, and only until its timeout.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final long MIN_BODY_BYTES_PER_SECOND = 512;
    private static final Duration GRACE = Duration.ofMillis(500);

    private final Server server;
    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when it cannot listen there (the message names the address and port)
     */
    public static WebServer start(String address, int port, Routes routes, HttpLimits limits,
                                  RequestObserver observer) {
        // the job queue is Jetty's default (unbounded, as Jetty requires for its own tasks); what can queue is
        // bounded anyway: at most one request per connection, and connections are capped
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()));
        threads.setName("herald-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(GRACE.toMillis());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        connector.addBean(new HeaderTimeout(limits.headerTimeout(), connector.getScheduler()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new RouteHandler(routes, limits, observer));
        server.setHandler(graceful);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("http: cannot listen on " + address + ":" + port + ": " + e.getMessage(),
                    e);
        }
        LOG.info("http: listening on {}:{} ({})", address, connector.getLocalPort(),
                String.join(", ", routes.paths()));
        return new WebServer(server, connector);
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets requests in progress finish for half a second, then closes every connection. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.debug("http: connections still open after the grace period were closed");
        } catch (Exception e) {
            LOG.warn("http: clean stop failed: {}", e.toString());
        }
    }
}
