package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testsupport.FeedServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedReaderHttpTest {
    private static final String RSS = "application/rss+xml; charset=utf-8";

    private final FeedServer server = FeedServer.start();
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(true));

    @AfterEach
    void stop() {
        server.close();
    }

    static String rss(String... titles) {
        StringBuilder items = new StringBuilder();
        for (String title : titles) {
            items.append("<item><title>").append(title).append("</title><link>/items/")
                    .append(title.replace(' ', '-')).append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>World</title><link>/</link>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    @Test
    void fetchesThenAnswersNotModifiedWithValidatorsThenSeesNewItems() throws Exception {
        server.publish("/world.rss", RSS, rss("first"));

        FetchOutcome first = reader.read("world", server.url("/world.rss"), Validators.NONE);
        FetchOutcome second = reader.read("world", server.url("/world.rss"), first.validators());
        server.publish("/world.rss", RSS, rss("second", "first"));
        FetchOutcome third = reader.read("world", server.url("/world.rss"), second.validators());

        assertThat(first.notModified()).isFalse();
        assertThat(first.feed().orElseThrow().items()).extracting(i -> i.link())
                .containsExactly(server.url("/items/first").toString());
        assertThat(first.validators().etag()).isPresent();
        assertThat(first.validators().lastModified()).isPresent();
        assertThat(second.notModified()).isTrue();
        assertThat(second.validators()).isEqualTo(first.validators());
        assertThat(third.feed().orElseThrow().items()).extracting(i -> i.title()).containsExactly("second", "first");
        assertThat(third.validators().etag()).isNotEqualTo(first.validators().etag());
        assertThat(server.requestCount("/world.rss")).isEqualTo(3);
    }

    @Test
    void sendsIfModifiedSinceAndUserAgent() throws Exception {
        server.publish("/world.rss", RSS, rss("a"));
        FetchOutcome first = reader.read("world", server.url("/world.rss"), Validators.NONE);

        FetchOutcome second = reader.read("world", server.url("/world.rss"),
                new Validators(Optional.empty(), first.validators().lastModified()));

        assertThat(second.notModified()).isTrue();
        assertThat(server.lastRequestHeader("/world.rss", "If-Modified-Since"))
                .isEqualTo(first.validators().lastModified());
        assertThat(server.lastRequestHeader("/world.rss", "User-Agent"))
                .contains(FetchPolicy.defaults(true).userAgent());
    }

    @Test
    void decodesGzipBodies() throws Exception {
        server.publish("/world.rss", RSS, rss("zipped"));
        server.gzip("/world.rss", true);

        FetchOutcome outcome = reader.read("world", server.url("/world.rss"), Validators.NONE);

        assertThat(outcome.feed().orElseThrow().items()).extracting(i -> i.title()).containsExactly("zipped");
        assertThat(server.lastRequestHeader("/world.rss", "Accept-Encoding")).hasValueSatisfying(
                v -> assertThat(v).contains("gzip").contains("deflate"));
    }

    @Test
    void refusesBodiesOverTheLimitWhenDeclared() {
        server.publish("/big.rss", RSS, rss("x".repeat(4000)));
        FeedReader small = new FeedReader(FetchPolicy.defaults(true).withMaxBodyBytes(1024));

        assertThatThrownBy(() -> small.read("big", server.url("/big.rss"), Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("feed big: response is larger than 1 KiB");
    }

    @Test
    void enforcesTheLimitWhileStreamingDecompressedBodies() {
        server.publish("/bomb.rss", RSS, rss(" ".repeat(11 * 1024 * 1024)));
        server.gzip("/bomb.rss", true);

        assertThatThrownBy(() -> reader.read("bomb", server.url("/bomb.rss"), Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("feed bomb: response is larger than 10 MiB");
    }

    @Test
    void followsFiveRedirectsButNotSix() throws Exception {
        server.publish("/end.rss", RSS, rss("end"));
        for (int i = 1; i <= 6; i++) {
            server.redirect("/r" + i, 302, i == 6 ? "/end.rss" : "/r" + (i + 1));
        }

        FetchOutcome five = reader.read("world", server.url("/r2"), Validators.NONE);

        assertThat(five.finalUrl()).isEqualTo(server.url("/end.rss"));
        assertThat(five.movedPermanently()).isFalse();
        assertThatThrownBy(() -> reader.read("world", server.url("/r1"), Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed world: too many redirects (more than 5) starting from " + server.url("/r1"));
    }

    @ParameterizedTest(name = "{0} then {1} -> moved permanently {2}")
    @CsvSource({"301,301,true", "308,308,true", "301,302,false", "302,301,false", "307,307,false"})
    void reportsPermanentMovesOnlyWhenEveryHopIsPermanent(int firstStatus, int secondStatus, boolean permanent)
            throws Exception {
        server.publish("/new.rss", RSS, rss("moved"));
        server.redirect("/old.rss", firstStatus, server.url("/mid.rss").toString());
        server.redirect("/mid.rss", secondStatus, "new.rss");

        FetchOutcome outcome = reader.read("world", server.url("/old.rss"), Validators.NONE);

        assertThat(outcome.movedPermanently()).isEqualTo(permanent);
        assertThat(outcome.finalUrl()).isEqualTo(server.url("/new.rss"));
        assertThat(outcome.feed().orElseThrow().items().get(0).link()).isEqualTo(server.url("/items/moved").toString());
    }

    @Test
    void notFoundIsOnePlainSentence() {
        assertThatThrownBy(() -> reader.read("world", server.url("/missing.rss"), Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed world: HTTP 404 Not Found from " + server.url("/missing.rss"));
    }

    @Test
    void serverErrorsAreOnePlainSentence() {
        server.status("/world.rss", 503);
        assertThatThrownBy(() -> reader.read("world", server.url("/world.rss"), Validators.NONE))
                .hasMessage("feed world: HTTP 503 Service Unavailable from " + server.url("/world.rss"));
    }

    @Test
    void htmlPagesAreNotFeeds() {
        server.publish("/page", "text/html; charset=utf-8", "<!DOCTYPE html><html><body><p>Hi<br></body></html>");
        assertThatThrownBy(() -> reader.read("world", server.url("/page"), Validators.NONE))
                .hasMessage("feed world: the document is not an RSS, Atom or JSON feed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"file:///etc/passwd", "ftp://example.org/feed.rss", "gopher://example.org/", "jar:file:/a.jar!/x"})
    void fetchesOnlyHttpAndHttps(String url) {
        assertThatThrownBy(() -> reader.read("world", URI.create(url), Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed world: only http and https URLs can be fetched, not " + url);
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        server.redirect("/world.rss", 302, "file:///etc/passwd");
        assertThatThrownBy(() -> reader.read("world", server.url("/world.rss"), Validators.NONE))
                .hasMessage("feed world: only http and https URLs can be fetched, not file:///etc/passwd");
    }

    @Test
    void timesOutOnSilentServers() throws Exception {
        FetchPolicy quick = new FetchPolicy(true, Duration.ofSeconds(2), Duration.ofMillis(300), 1024, "t");
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/feed");
            assertThatThrownBy(() -> new FeedReader(quick).read("slow", url, Validators.NONE))
                    .hasMessage("feed slow: timed out fetching " + url);
        }
    }
}
