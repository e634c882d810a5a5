package io.herald.app;

import io.herald.config.FeedConfig;
import io.herald.config.HeraldConfig;
import io.herald.config.LlmConfig;
import io.herald.config.Settings;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.llm.ChatCompletionsClient;
import io.herald.llm.LlmSummarizer;
import io.herald.pipeline.ArticleTexts;
import io.herald.pipeline.SummaryWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring of what alert summaries are made from: article pages for teaser feeds, and the optional LLM. */
final class Summaries {
    private static final Logger LOG = LoggerFactory.getLogger(Summaries.class);
    /** Article pages get shorter timeouts and a smaller body limit than feeds: they are fetched during a poll. */
    static final Duration ARTICLE_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ARTICLE_READ_TIMEOUT = Duration.ofSeconds(4);
    static final Duration ARTICLE_TOTAL_TIMEOUT = Duration.ofSeconds(6);
    static final long ARTICLE_MAX_BYTES = 3L * 1024 * 1024;

    private Summaries() {
    }

    /** Article fetching for every feed that does not say {@code fetch_article: false}. */
    static ArticleTexts articles(HeraldConfig config, Clock clock) {
        FetchPolicy feeds = FetchPolicy.defaults(config.allowPrivateAddresses());
        FetchPolicy policy = new FetchPolicy(feeds.allowPrivateAddresses(), ARTICLE_CONNECT_TIMEOUT,
                ARTICLE_READ_TIMEOUT, ARTICLE_MAX_BYTES, feeds.userAgent(), ARTICLE_TOTAL_TIMEOUT);
        Set<String> fetching = config.feeds().stream().filter(FeedConfig::fetchArticle).map(FeedConfig::id)
                .collect(Collectors.toUnmodifiableSet());
        return new ArticleTexts(new FeedReader(policy)::fetchPage, fetching::contains, clock,
                ArticleTexts.Limits.DEFAULTS);
    }

    /** The LLM summariser when {@code summarize.llm} and {@code HERALD_LLM_API_KEY} are both set. */
    static Optional<SummaryWriter> llm(HeraldConfig config, Settings settings) {
        if (config.llm().isEmpty()) {
            return Optional.empty();
        }
        LlmConfig llm = config.llm().get();
        if (settings.llmApiKey().isEmpty()) {
            LOG.warn("summarize.llm is configured but HERALD_LLM_API_KEY is not set: LLM summaries stay off");
            return Optional.empty();
        }
        var client = new ChatCompletionsClient(llm.url(), llm.model(), llm.timeout(), settings.llmApiKey().get().value());
        LOG.info("summaries: LLM {} at {} (timeout {} ms), extractive on any failure", llm.model(), llm.url(),
                llm.timeout().toMillis());
        return Optional.of(new LlmSummarizer(client)::summarize);
    }
}
