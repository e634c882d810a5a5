package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server's routing, limits and timeouts, on 127.0.0.1 with short limits. */
class WebServerTest {
    private static final HttpLimits SHORT = new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 64, 8, 1024, 4096);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start(Routes routes) {
        server = WebServer.start("127.0.0.1", 0, routes, SHORT,
                (method, route, status, took) -> observed.add(method + " " + route + " " + status));
        return server.port();
    }

    private static Routes sample() {
        return new Routes()
                .get("/hello", call -> HttpReply.text(200, "text/plain", "hi"))
                .post("/echo", call -> HttpReply.text(200, "text/plain",
                        call.header("X-Tag").orElse("-") + ":" + new String(call.body(), StandardCharsets.UTF_8)))
                .get("/boom", call -> {
                    throw new IllegalStateException("secret detail");
                })
                .get("/private", ((Route) call -> HttpReply.text(200, "text/plain", "numbers"))
                        .withBearerToken("s3cret"));
    }

    @Test
    void routesByPathAndMethodAndAnswersEverythingElseWithAShortError() throws Exception {
        int port = start(sample());
        assertThat(get(port, "/hello").body()).isEqualTo("hi");
        HttpResponse<String> echo = http.send(HttpRequest.newBuilder(url(port, "/echo")).header("X-Tag", "t")
                .POST(HttpRequest.BodyPublishers.ofString("body")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(echo.body()).isEqualTo("t:body");
        HttpResponse<String> unknown = get(port, "/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no such path\"}");
        HttpResponse<String> wrongMethod = get(port, "/echo");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> boom = get(port, "/boom");
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).doesNotContain("secret detail");
        assertThat(observed).contains("GET /hello 200", "GET unmatched 404", "GET /echo 405", "GET /boom 500");
    }

    @Test
    void bearerTokenIsRequiredWhereConfigured() throws Exception {
        int port = start(sample());
        HttpResponse<String> none = get(port, "/private");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(http.send(HttpRequest.newBuilder(url(port, "/private")).header("Authorization", "Bearer wrong")
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(url(port, "/private")).header("Authorization", "Bearer s3cret")
                .build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("numbers");
    }

    @Test
    void bodiesAboveTheLimitAre413() throws Exception {
        int port = start(sample());
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(url(port, "/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void aClientThatNeverFinishesItsHeadersIsDisconnectedAfterTheHeaderTimeout() throws Exception {
        int port = start(sample());
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
            slow.setSoTimeout(5000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /hello HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            // keep dribbling a header byte every 200 ms: the idle timeout (5 s) never fires, the header timeout must
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write('X');
                    out.flush();
                    Thread.sleep(200);
                    closed = slow.getInputStream().available() < 0;
                } catch (IOException e) {
                    closed = true;
                }
            }
            if (!closed) {
                closed = readsEof(slow.getInputStream());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("slow headers: closed after " + took.toMillis() + " ms");
            assertThat(closed).as("connection closed by the server").isTrue();
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(6));
        }
    }

    @Test
    void aBodyThatTricklesIsRefusedWithinTheBodyTimeout() throws Exception {
        int port = start(sample());
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
            slow.setSoTimeout(5000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            Thread dribble = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        out.write('a');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server hung up: expected
                }
            });
            dribble.start();
            String answer = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            dribble.interrupt();
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        }
    }

    private static boolean readsEof(InputStream in) {
        try {
            while (in.read() >= 0) {
                // drain whatever the server said before closing
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(port, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
