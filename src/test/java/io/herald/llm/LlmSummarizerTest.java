package io.herald.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.pipeline.AlertPlanner;
import io.herald.pipeline.ArticleTexts;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.summarize.FocusTerms;
import io.herald.summarize.Summarizer;
import io.herald.testsupport.FakeLlmServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSummarizerTest {
    private static final String KEY = "sk-test-9a8b7c6d5e4f";
    private static final String TITLE = "NATO: North Korea has sent troops to Kursk";
    private static final String TEXT = "Markets were calm on Monday. NATO confirmed on Monday that North Korean troops"
            + " have been deployed to the Kursk region of Russia. The alliance called it a dangerous escalation."
            + " Officials in Seoul said about 10,000 soldiers were sent.";
    private static final String ANSWER = "NATO confirmed that North Korean troops were deployed in Russia's Kursk"
            + " region, calling it a dangerous escalation.";

    @TempDir
    Path dir;

    private FakeLlmServer llm;

    @BeforeEach
    void start() {
        llm = FakeLlmServer.start();
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    @Test
    void returnsTheAnswerAndSendsTheKeyModelBudgetAndMatchedTerms() {
        llm.answer(ANSWER);

        Optional<String> summary = summarizer(Duration.ofSeconds(5)).summarize(TITLE, TEXT,
                List.of("\"north korea\""), 400);

        assertThat(summary).contains(ANSWER);
        FakeLlmServer.Request request = llm.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).contains("Bearer " + KEY);
        assertThat(request.body().path("model").asText()).isEqualTo("small-model");
        assertThat(request.body().path("max_tokens").asInt()).isPositive();
        assertThat(request.message("system")).contains("400 characters", "\"north korea\"");
        assertThat(request.message("user")).contains(TITLE, TEXT);
    }

    @Test
    void stripsMarkupFromTheAnswer() {
        llm.answer("**Summary:** NATO <b>confirmed</b> that [North Korean troops](https://e.org/x) were deployed"
                + " in `Kursk`.\n\n- The alliance called it an *escalation*.");

        assertThat(summarizer(Duration.ofSeconds(5)).summarize(TITLE, TEXT, List.of(), 400)).contains(
                "NATO confirmed that North Korean troops were deployed in Kursk. The alliance called it an escalation.");
    }

    @Test
    void cutsAnAnswerOverTheBudgetAfterTheLastWholeSentenceThatFits() {
        llm.answer(ANSWER + " Officials in Seoul said about 10,000 soldiers were sent, a figure Moscow denies.");

        assertThat(summarizer(Duration.ofSeconds(5)).summarize(TITLE, TEXT, List.of(), 150)).contains(ANSWER);
    }

    @Test
    void givesNothingWhenNotEvenOneSentenceFitsTheBudget() {
        llm.answer(ANSWER);

        assertThat(summarizer(Duration.ofSeconds(5)).summarize(TITLE, TEXT, List.of(), 60)).isEmpty();
    }

    @Test
    void givesNothingWhenTheAnswerIsLate() {
        llm.answer(ANSWER);
        llm.delay(Duration.ofSeconds(3));

        long start = System.nanoTime();
        Optional<String> summary = summarizer(Duration.ofMillis(300)).summarize(TITLE, TEXT, List.of(), 400);

        assertThat(summary).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @ParameterizedTest(name = "HTTP {0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "500 | application/json | {\"error\":{\"message\":\"overloaded\"}}",
        "429 | application/json | {\"error\":{\"message\":\"rate limited\"}}",
        "200 | text/html        | <html>gateway</html>",
        "200 | application/json | {\"choices\":[]}",
        "200 | application/json | {\"choices\":[{\"message\":{\"content\":null}}]}",
        "200 | application/json | {\"choices\":[{\"message\":{\"content\":\"   \"}}]}",
        "200 | application/json | [1, 2",
    })
    void givesNothingForAnErrorOrAMalformedOrEmptyAnswer(int status, String type, String body) {
        llm.respond(status, type, body);

        assertThat(summarizer(Duration.ofSeconds(5)).summarize(TITLE, TEXT, List.of(), 400)).isEmpty();
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void givesNothingWhenTheEndpointIsDown() {
        URI url = llm.url();
        llm.close();

        var client = new ChatCompletionsClient(url, "m", Duration.ofSeconds(2), KEY);
        assertThat(new LlmSummarizer(client).summarize(TITLE, TEXT, List.of(), 400)).isEmpty();
    }

    @Test
    void anErrorMessageNeverShowsTheKeyEvenWhenTheEndpointEchoesIt() {
        llm.respond(401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> new ChatCompletionsClient(llm.url(), "m", Duration.ofSeconds(5), KEY).complete("s", "u", 10));

        assertThat(e.getMessage()).startsWith("llm: HTTP 401 from " + llm.url()).doesNotContain(KEY);
    }

    @Test
    void refusesAnEndpointThatIsNotHttp() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new ChatCompletionsClient(
                URI.create("file:///etc/passwd"), "m", Duration.ofSeconds(1), KEY))).hasMessageContaining("http");
    }

    @Test
    void theAlertCarriesTheLlmSummaryWhenItAnswers() {
        llm.answer(ANSWER);

        assertThat(alertSummary()).isEqualTo(ANSWER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"timeout", "500", "garbage", "empty"})
    void theAlertFallsBackToTheExtractiveSummaryOnAnyFailure(String failure) {
        switch (failure) {
            case "timeout" -> {
                llm.answer(ANSWER);
                llm.delay(Duration.ofSeconds(3));
            }
            case "500" -> llm.respond(500, "text/plain", "internal error");
            case "garbage" -> llm.respond(200, "application/json", "\u0000not json at all");
            default -> llm.answer("");
        }

        String extractive = new Summarizer().summarize(TITLE, TEXT, FocusTerms.of(List.of("\"north korea\"")), 400);
        assertThat(alertSummary()).isEqualTo(extractive).isNotEqualTo(ANSWER).contains("North Korean troops");
        assertThat(llm.requests()).hasSize(1);
    }

    private String alertSummary() {
        var store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("s.db")), Clock.systemUTC());
        store.add(Destination.telegram(5), "\"north korea\"", "5").orElseThrow();
        LlmSummarizer writer = summarizer(Duration.ofMillis(500));
        AlertPlanner planner = new AlertPlanner(store, new Summarizer(), 400, ArticleTexts.off(),
                Optional.of(writer::summarize));
        Item item = new Item("world", "1", TITLE, "https://e.org/1", Optional.empty(), TEXT, "", null, null);
        return planner.plan("world", "World", List.of(item)).get(0).alert().summary();
    }

    private LlmSummarizer summarizer(Duration timeout) {
        return new LlmSummarizer(new ChatCompletionsClient(llm.url(), "small-model", timeout, KEY));
    }
}
