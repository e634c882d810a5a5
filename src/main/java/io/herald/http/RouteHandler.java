package io.herald.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route for a request, reads its body without holding a thread (within the size and time limits), runs
 * the route on the server's pool and writes its answer. Unknown paths 404, wrong methods 405, bodies too large 413,
 * too slow 408; a route that throws gets a short 500 (details in the log).
 */
final class RouteHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(RouteHandler.class);
    private static final byte[] NO_BODY = new byte[0];

    private final Routes routes;
    private final HttpLimits limits;
    private final RequestObserver observer;

    RouteHandler(Routes routes, HttpLimits limits, RequestObserver observer) {
        this.routes = routes;
        this.limits = limits;
        this.observer = observer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        Optional<Map<String, Route>> byMethod = routes.forPath(path);
        if (byMethod.isEmpty()) {
            write(response, callback, HttpReply.error(404, "no such path"), method, "unmatched", start);
            return true;
        }
        Route route = byMethod.get().get(method);
        if (route == null) {
            write(response, callback, HttpReply.error(405, "use " + String.join(" or ", byMethod.get().keySet()))
                    .withHeader("Allow", String.join(", ", byMethod.get().keySet())), method, path, start);
            return true;
        }
        if (request.getLength() > limits.maxBodyBytes()) {
            write(response, callback, tooLarge(), method, path, start);
            return true;
        }
        body(request).whenCompleteAsync((body, failure) -> {
            HttpReply reply = failure == null ? run(route, new HttpCall(method, path, headers(request), body), path)
                    : bodyFailure(failure);
            write(response, callback, reply, method, path, start);
        }, getServer().getThreadPool());
        return true;
    }

    private CompletableFuture<byte[]> body(Request request) {
        if (request.getLength() == 0 || "GET".equals(request.getMethod())) {
            return CompletableFuture.completedFuture(NO_BODY);
        }
        return Content.Source.asByteArrayAsync(request, limits.maxBodyBytes())
                .orTimeout(limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue());
        }
        return headers;
    }

    private static HttpReply run(Route route, HttpCall call, String path) {
        try {
            return route.handle(call);
        } catch (Exception | Error e) {
            LOG.error("http: {} {} failed: {}", call.method(), path, e.toString(), e);
            return HttpReply.error(500, "internal error; see the log");
        }
    }

    private HttpReply bodyFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return HttpReply.error(408, "the request body did not arrive within "
                    + limits.bodyTimeout().toSeconds() + " s").withHeader("Connection", "close");
        }
        if (cause instanceof IllegalArgumentException) {
            return tooLarge();
        }
        return HttpReply.error(400, "the request body could not be read").withHeader("Connection", "close");
    }

    private HttpReply tooLarge() {
        return HttpReply.error(413, "body larger than " + limits.maxBodyBytes() / 1024 + " KiB")
                .withHeader("Connection", "close");
    }

    private void write(Response response, Callback callback, HttpReply reply, String method, String route,
                       long start) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        observer.answered(method, route, reply.status(), Duration.ofNanos(System.nanoTime() - start));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
