package io.herald.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores the summariser on the BBC dev set (50 articles with reference extractive summaries) against Lead-k at the
 * same character budget: ROUGE-1/2/L F1 against the reference text, and precision/recall of the chosen sentence
 * indices. Prints the table; the summariser must beat Lead-k on ROUGE-1 and ROUGE-2 at the default budget.
 */
class SummaryEvaluationTest {

    private static final Path PAIRS = Path.of("..", "shared", "corpus", "summaries", "bbc-dev", "pairs.jsonl");
    private static final int DEFAULT_BUDGET = 400;

    /** Mean scores of one system at one budget. */
    record Result(String system, int budget, double rouge1, double rouge2, double rougeL, double precision,
                  double recall) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.3f | %.3f |", system, budget,
                    rouge1, rouge2, rougeL, precision, recall);
        }
    }

    private record Article(String title, List<String> sentences, List<Integer> reference, String referenceText) {
    }

    @Test
    void beatsLeadSentencesOnRougeOneAndTwo() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PAIRS), PAIRS + " absent: skipped");
        List<Article> articles = load();
        assertThat(articles).hasSize(50);
        Summarizer summarizer = new Summarizer();
        List<Result> results = new ArrayList<>();
        for (int budget : new int[] {DEFAULT_BUDGET, 600}) {
            results.add(evaluate("Lead-k", budget, articles, (a, b) -> lead(a.sentences(), b)));
            results.add(evaluate("Herald", budget, articles,
                    (a, b) -> summarizer.select(a.sentences(), a.title(), FocusTerms.none(), b)));
        }
        System.out.println("| system | budget (chars) | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | sentence P | sentence R |");
        System.out.println("|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        Result lead = results.get(0);
        Result herald = results.get(1);
        assertThat(herald.rouge1()).isGreaterThan(lead.rouge1());
        assertThat(herald.rouge2()).isGreaterThan(lead.rouge2());
    }

    /** The lead sentences that fit, in order; the first alone (to be cut) when it does not fit. */
    static List<Integer> lead(List<String> sentences, int budget) {
        List<Integer> chosen = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < sentences.size(); i++) {
            int needed = sentences.get(i).length() + (chosen.isEmpty() ? 0 : 1);
            if (used + needed > budget) {
                break;
            }
            chosen.add(i);
            used += needed;
        }
        return chosen.isEmpty() && !sentences.isEmpty() ? List.of(0) : chosen;
    }

    private interface System_ {
        List<Integer> choose(Article article, int budget);
    }

    private static Result evaluate(String name, int budget, List<Article> articles, System_ system) {
        double r1 = 0, r2 = 0, rl = 0, p = 0, r = 0;
        for (Article a : articles) {
            List<Integer> chosen = system.choose(a, budget);
            String summary = Summarizer.join(a.sentences(), chosen, budget);
            assertThat(summary.length()).isLessThanOrEqualTo(budget);
            List<String> hyp = Rouge.tokens(summary);
            List<String> ref = Rouge.tokens(a.referenceText());
            r1 += Rouge.n(hyp, ref, 1).f1();
            r2 += Rouge.n(hyp, ref, 2).f1();
            rl += Rouge.l(hyp, ref).f1();
            Set<Integer> hits = new HashSet<>(chosen);
            hits.retainAll(a.reference());
            p += chosen.isEmpty() ? 0 : (double) hits.size() / chosen.size();
            r += (double) hits.size() / a.reference().size();
        }
        int n = articles.size();
        return new Result(name, budget, r1 / n, r2 / n, rl / n, p / n, r / n);
    }

    private static List<Article> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        for (String line : Files.readAllLines(PAIRS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            List<String> sentences = new ArrayList<>();
            node.get("article_sentences").forEach(s -> sentences.add(s.asText()));
            List<Integer> reference = new ArrayList<>();
            node.get("reference_sentence_indices").forEach(i -> reference.add(i.asInt()));
            List<String> referenceSentences = new ArrayList<>();
            node.get("reference_summary_sentences").forEach(s -> referenceSentences.add(s.asText()));
            articles.add(new Article(node.get("title").asText(), sentences, reference,
                    String.join(" ", referenceSentences)));
        }
        return articles;
    }
}
