package io.herald.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not completed a request's headers within the timeout (a slow-header client, which the
 * idle timeout alone never catches while it keeps sending a byte now and then). Checked once per timeout window:
 * a connection that began no new request in the window and has none in progress is closed; one whose last window
 * saw a request is looked at again one window later.
 */
final class HeaderTimeout implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeout.class);

    private final long timeoutMillis;
    private final Scheduler scheduler;

    HeaderTimeout(Duration timeout, Scheduler scheduler) {
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        watch(connection, connection.getMessagesIn());
    }

    private void watch(Connection connection, long requestsSeen) {
        scheduler.schedule(() -> check(connection, requestsSeen), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void check(Connection connection, long requestsSeen) {
        if (!connection.getEndPoint().isOpen()) {
            return;
        }
        long in = connection.getMessagesIn();
        boolean answering = connection.getMessagesOut() < in;
        if (in == requestsSeen && !answering) {
            LOG.debug("http: closing {}: no complete request within {} ms",
                    connection.getEndPoint().getRemoteSocketAddress(), timeoutMillis);
            connection.getEndPoint().close();
            return;
        }
        watch(connection, in);
    }
}
