package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FeedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The test feed server other tests rely on: conditional answers, hooks and concurrent use. */
class FeedServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersConditionalRequestsAndChangesValidatorsOnPublish() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/f", "text/plain", "one");
            HttpResponse<String> first = get(server, "/f", null, null);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

            assertThat(get(server, "/f", etag, null).statusCode()).isEqualTo(304);
            assertThat(get(server, "/f", null, lastModified).statusCode()).isEqualTo(304);
            server.publish("/f", "text/plain", "two");
            HttpResponse<String> changed = get(server, "/f", etag, null);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).isEqualTo("two");
            assertThat(get(server, "/f", null, lastModified).statusCode())
                    .as("Last-Modified moves forward even within the same second").isEqualTo(200);
            assertThat(server.requestCount("/f")).isEqualTo(5);
        }
    }

    @Test
    void statusOverridesCanBeCleared() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/f", "text/plain", "body");
            server.status("/f", 500);
            assertThat(get(server, "/f", null, null).statusCode()).isEqualTo(500);
            server.clear("/f");
            assertThat(get(server, "/f", null, null).body()).isEqualTo("body");
        }
    }

    @Test
    void servesConcurrentReadersWhilePublishing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (FeedServer server = FeedServer.start()) {
            FeedReader reader = new FeedReader(FetchPolicy.defaults(true));
            server.publish("/w.rss", "application/rss+xml", FeedReaderHttpTest.rss("a"));
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    int items = 0;
                    for (int i = 0; i < 15; i++) {
                        if (thread == 0) {
                            server.publish("/w.rss", "application/rss+xml", FeedReaderHttpTest.rss("a", "b" + i));
                        }
                        items += reader.read("w", server.url("/w.rss"), Validators.NONE).feed().orElseThrow()
                                .items().size();
                    }
                    return items;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isBetween(15, 30);
            }
            assertThat(server.requestCount("/w.rss")).isEqualTo(90);
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> get(FeedServer server, String path, String etag, String since) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (since != null) {
            request.header("If-Modified-Since", since);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
