package io.herald.chat.telegram;

import io.herald.health.TransportStatus;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Watches the long poll's {@code getUpdates} calls: an answer with HTTP 2xx means connected; any other status or
 * a network error means disconnected (a call cancelled at shutdown is not reported). The reason never includes the
 * request URL, which holds the bot token.
 */
final class ConnectionReport implements Interceptor {
    private final String transport;
    private final TransportStatus status;

    ConnectionReport(String transport, TransportStatus status) {
        this.transport = transport;
        this.status = status;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean updates = chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates");
        if (!updates) {
            return chain.proceed(chain.request());
        }
        try {
            Response response = chain.proceed(chain.request());
            if (response.isSuccessful()) {
                status.connected(transport);
            } else {
                status.disconnected(transport, "getUpdates answered HTTP " + response.code());
            }
            return response;
        } catch (IOException e) {
            if (!chain.call().isCanceled()) {
                status.disconnected(transport, "cannot reach the Bot API (" + e.getClass().getSimpleName() + ")");
            }
            throw e;
        }
    }
}
