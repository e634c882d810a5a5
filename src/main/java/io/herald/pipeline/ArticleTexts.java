package io.herald.pipeline;

import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.model.Item;
import io.herald.summarize.article.ArticleExtractor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text to summarise for a matching item: the feed's own text, or, when that is only a teaser, the main text of
 * the article page. Pages come from an {@link ArticleSource} (the feed fetcher, with its limits and SSRF guard),
 * results and failures are cached by link, and each poll may fetch only a few pages. Any failure falls back to the
 * feed's text. Thread-safe.
 */
public final class ArticleTexts {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleTexts.class);

    private final ArticleSource source;
    private final Predicate<String> fetchesFor;
    private final Limits limits;
    private final ArticleCache cache;
    private final ArticleExtractor extractor = new ArticleExtractor();

    /**
     * How much article fetching may cost.
     *
     * @param teaserChars     feed text shorter than this is a teaser (the article is fetched)
     * @param fetchesPerPoll  most article pages fetched in one poll of one feed
     * @param cacheSize       most links remembered
     * @param successTtl      how long an extracted text is reused
     * @param failureTtl      how long a failed or text-less page is not fetched again
     */
    public record Limits(int teaserChars, int fetchesPerPoll, int cacheSize, Duration successTtl,
                         Duration failureTtl) {
        public static final Limits DEFAULTS = new Limits(300, 10, 1000, Duration.ofHours(6), Duration.ofMinutes(30));
    }

    /**
     * @param fetchesFor which feed ids may have their articles fetched ({@code fetch_article} in the config)
     */
    public ArticleTexts(ArticleSource source, Predicate<String> fetchesFor, Clock clock, Limits limits) {
        this.source = source;
        this.fetchesFor = fetchesFor;
        this.limits = limits;
        this.cache = new ArticleCache(limits.cacheSize(), limits.successTtl(), limits.failureTtl(), clock);
    }

    /** Never fetches: every item keeps its feed text. */
    public static ArticleTexts off() {
        return new ArticleTexts((who, url) -> {
            throw new FeedException(who + ": article fetching is off");
        }, feedId -> false, Clock.systemUTC(), Limits.DEFAULTS);
    }

    /** The article texts of one poll, within its fetch budget. Not thread-safe: one per poll. */
    public Poll poll() {
        return new Poll();
    }

    /** One poll's share of article fetching: at most {@link Limits#fetchesPerPoll()} pages. */
    public final class Poll {
        private int fetches;

        private Poll() {
        }

        /** The article text when the item's own text is a teaser and the page gives more; else the item's text. */
        public String textFor(Item item) {
            String own = item.text();
            if (own.strip().length() >= limits.teaserChars() || !fetchesFor.test(item.feedId())) {
                return own;
            }
            Optional<URI> url = httpUrl(item.link());
            if (url.isEmpty()) {
                return own;
            }
            Optional<String> article = cached(item, url.get());
            return article.filter(text -> text.length() > own.strip().length()).orElse(own);
        }

        private Optional<String> cached(Item item, URI url) {
            Optional<ArticleCache.Entry> known = cache.get(item.link());
            if (known.isPresent()) {
                return known.get().text();
            }
            if (fetches >= limits.fetchesPerPoll()) {
                LOG.debug("feed {}: article budget of {} pages for this poll spent; {} keeps its feed text",
                        item.feedId(), limits.fetchesPerPoll(), item.link());
                return Optional.empty();
            }
            fetches++;
            Optional<String> text = fetchText(item, url);
            cache.put(item.link(), text);
            return text;
        }
    }

    private Optional<String> fetchText(Item item, URI url) {
        try {
            FeedReader.Page page = source.fetch("feed " + item.feedId() + " article", url);
            String type = page.contentType().orElse("text/html").toLowerCase(Locale.ROOT);
            if (!type.contains("html") && !type.contains("xml")) {
                LOG.info("feed {}: article {} is {}, not a web page; using the feed text", item.feedId(), url, type);
                return Optional.empty();
            }
            Optional<String> text = extractor.extract(page.body(), page.contentType().flatMap(ArticleTexts::charset));
            if (text.isEmpty()) {
                LOG.info("feed {}: no article text found at {}; using the feed text", item.feedId(), url);
            }
            return text;
        } catch (FeedException e) {
            LOG.info("{}; using the feed text", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.info("feed {}: cannot read the article {} ({}); using the feed text", item.feedId(), url, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<URI> httpUrl(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(link));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The charset parameter of a Content-Type, e.g. {@code text/html; charset=ISO-8859-1}. */
    static Optional<String> charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").replace("'", "").strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
