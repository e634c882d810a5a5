package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.OutboxEntry;
import io.herald.summarize.Summarizer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teaser feeds: the article page is fetched (guarded, cached, budgeted) and summarised instead of the teaser. */
class ArticleFetchingTest {
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEASER = "Alliance speaks on Kursk.";
    private static final String CONFIRMED = "NATO confirmed on Monday that North Korean troops have been deployed"
            + " to the Kursk region of Russia, calling it a dangerous expansion of the war.";
    private static final String DETAIL = "Mark Rutte said the deployment, first reported by Seoul, was a"
            + " significant escalation, and that allies were consulting closely on how to respond.";
    private static final String FIGURE = "South Korea's intelligence service estimates that about 10,000 soldiers"
            + " were sent, although neither Pyongyang nor Moscow has confirmed the figure.";

    @TempDir
    Path dir;

    private FeedServer server;
    private JdbcSubscriptionStore subscriptions;
    private JdbcOutboxStore outbox;
    private JdbcFeedStore feeds;

    @BeforeEach
    void setUp() {
        server = FeedServer.start();
        Database db = Database.openSqlite(dir.resolve("a.db"));
        subscriptions = new JdbcSubscriptionStore(db, Clock.systemUTC());
        outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        feeds = new JdbcFeedStore(db, Clock.systemUTC());
        server.publish("/story-1.html", HTML, articlePage());
        server.publish("/story-2.html", HTML, articlePage());
        server.publish("/story-3.html", HTML, articlePage());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void theAlertSummaryOfATeaserComesFromTheArticlePage() {
        subscriptions.add(Destination.telegram(1), "\"north korea\"", "1");
        Poller poller = poller(texts(true, feedId -> true, ArticleTexts.Limits.DEFAULTS));

        String summary = pollTeaserItem(poller).orElseThrow();

        assertThat(summary).contains("North Korean troops have been deployed").doesNotContain(TEASER)
                .hasSizeLessThanOrEqualTo(400);
        assertThat(server.requestCount("/story-1.html")).isEqualTo(1);
    }

    @Test
    void aFeedWithFetchArticleOffKeepsItsTeaserAndFetchesNothing() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        Poller poller = poller(texts(true, Set.of("other")::contains, ArticleTexts.Limits.DEFAULTS));

        assertThat(pollTeaserItem(poller)).contains(TEASER);
        assertThat(server.requestCount("/story-1.html")).isZero();
    }

    @Test
    void itemsThatMatchNoSubscriptionAreNeverFetched() {
        subscriptions.add(Destination.telegram(1), "weather", "1");
        Poller poller = poller(texts(true, feedId -> true, ArticleTexts.Limits.DEFAULTS));

        assertThat(pollTeaserItem(poller)).isEmpty();
        assertThat(server.requestCount("/story-1.html")).isZero();
    }

    @Test
    void anArticleOnAPrivateAddressIsRefusedUnlessPrivateAddressesAreAllowed() {
        ArticleTexts guarded = texts(false, feedId -> true, ArticleTexts.Limits.DEFAULTS);
        ArticleTexts allowed = texts(true, feedId -> true, ArticleTexts.Limits.DEFAULTS);

        assertThat(guarded.poll().textFor(teaser("/story-1.html"))).isEqualTo(TEASER);
        assertThat(server.requestCount("/story-1.html")).isZero();
        assertThat(allowed.poll().textFor(teaser("/story-1.html"))).contains(CONFIRMED, DETAIL, FIGURE);
        assertThat(server.requestCount("/story-1.html")).isEqualTo(1);
    }

    @Test
    void feedTextThatIsNotATeaserIsSummarisedWithoutFetching() {
        ArticleTexts texts = texts(true, feedId -> true, ArticleTexts.Limits.DEFAULTS);
        String full = CONFIRMED + " " + DETAIL + " " + FIGURE;
        Item item = new Item("world", "1", "NATO", server.url("/story-1.html").toString(), Optional.empty(),
                full, "", List.of(), List.of());

        assertThat(texts.poll().textFor(item)).isEqualTo(full);
        assertThat(server.requestCount("/story-1.html")).isZero();
    }

    @Test
    void articlesAndFailuresAreCachedByLinkUntilTheyExpire() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ArticleTexts texts = new ArticleTexts(reader(true)::fetchPage, feedId -> true, clock,
                ArticleTexts.Limits.DEFAULTS);
        server.status("/broken.html", 500);

        for (int poll = 0; poll < 3; poll++) {
            assertThat(texts.poll().textFor(teaser("/story-1.html"))).contains(CONFIRMED);
            assertThat(texts.poll().textFor(teaser("/broken.html"))).isEqualTo(TEASER);
        }
        assertThat(server.requestCount("/story-1.html")).isEqualTo(1);
        assertThat(server.requestCount("/broken.html")).isEqualTo(1);

        clock.advance(ArticleTexts.Limits.DEFAULTS.failureTtl());
        texts.poll().textFor(teaser("/broken.html"));
        texts.poll().textFor(teaser("/story-1.html"));
        assertThat(server.requestCount("/broken.html")).isEqualTo(2);
        assertThat(server.requestCount("/story-1.html")).isEqualTo(1);
    }

    @Test
    void eachPollFetchesAtMostItsBudgetOfPages() {
        ArticleTexts texts = texts(true, feedId -> true,
                new ArticleTexts.Limits(300, 2, 1000, Duration.ofHours(1), Duration.ofMinutes(5)));
        ArticleTexts.Poll poll = texts.poll();

        List<String> got = List.of("/story-1.html", "/story-2.html", "/story-3.html").stream()
                .map(path -> poll.textFor(teaser(path))).toList();

        assertThat(got).filteredOn(t -> t.contains(CONFIRMED)).hasSize(2);
        assertThat(got.get(2)).isEqualTo(TEASER);
        assertThat(server.requestCount("/story-3.html")).isZero();
        assertThat(texts.poll().textFor(teaser("/story-3.html"))).contains(CONFIRMED);
    }

    @Test
    void aPageWithoutArticleTextFallsBackToTheTeaser() {
        server.publish("/index.html", HTML, "<html><body><nav><a href=/a>World</a></nav><p>Short.</p></body></html>");
        server.publish("/story.pdf", "application/pdf", "%PDF-1.7 " + CONFIRMED);
        ArticleTexts texts = texts(true, feedId -> true, ArticleTexts.Limits.DEFAULTS);

        assertThat(texts.poll().textFor(teaser("/index.html"))).isEqualTo(TEASER);
        assertThat(texts.poll().textFor(teaser("/story.pdf"))).isEqualTo(TEASER);
        assertThat(texts.poll().textFor(teaser("/missing.html"))).isEqualTo(TEASER);
    }

    private Optional<String> pollTeaserItem(Poller poller) {
        URI feedUrl = server.url("/world.rss");
        server.publish("/world.rss", RSS, rss(""));
        poller.poll("world", feedUrl);
        server.publish("/world.rss", RSS, rss(rssItem("/story-1.html")));
        poller.poll("world", feedUrl);
        return outbox.due(Instant.now().plusSeconds(1), 10).stream().findFirst()
                .map(OutboxEntry::alert).map(a -> a.summary());
    }

    private Poller poller(ArticleTexts texts) {
        return new Poller(reader(true)::read, feeds,
                new AlertPlanner(subscriptions, new Summarizer(), 400, texts, Optional.empty()), () -> { });
    }

    private ArticleTexts texts(boolean allowPrivate, java.util.function.Predicate<String> fetchesFor,
                               ArticleTexts.Limits limits) {
        return new ArticleTexts(reader(allowPrivate)::fetchPage, fetchesFor, Clock.systemUTC(), limits);
    }

    private static FeedReader reader(boolean allowPrivate) {
        return new FeedReader(FetchPolicy.defaults(allowPrivate));
    }

    private Item teaser(String path) {
        return new Item("world", path, "NATO on Kursk", server.url(path).toString(), Optional.empty(), TEASER, "",
                List.of(), List.of());
    }

    private String rssItem(String path) {
        return "<item><title>NATO: North Korea and Kursk</title><link>" + server.url(path) + "</link>"
                + "<guid>" + path + "</guid><description>" + TEASER + "</description></item>";
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>World</title>"
                + "<link>https://news.example.org/</link><description>d</description>" + items + "</channel></rss>";
    }

    private static String articlePage() {
        return """
                <!doctype html><html><head><title>NATO</title></head><body>
                <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
                <article><h1>NATO: North Korea and Kursk</h1><div class="share">Share on Facebook</div>
                <div class="article-body"><p>%s</p><p>%s</p><p>%s</p><p>Read more</p></div></article>
                <aside class="sidebar"><ul><li><a href="/x">Weather, traffic, events and other local news</a></li></ul></aside>
                <section class="comments"><p>First, and, honestly, this is, like, obviously, the worst, ever, ok?</p></section>
                <footer>© 2026 News Corp</footer></body></html>
                """.formatted(CONFIRMED, DETAIL, FIGURE);
    }
}
