package io.herald.summarize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses the sentences of a summary. Each sentence gets a score that combines its position (news puts the key
 * facts first), its centrality (TextRank over sentence similarity), its overlap with the headline and how many of
 * the subscriber's matched terms it holds. Sentences are then taken best first while they fit the budget, skipping
 * any that mostly repeat one already taken, and come out in the article's order.
 */
final class SentenceSelector {

    /**
     * How much each signal counts.
     *
     * @param lead        weight of the position prior {@code 1 / (1 + index / leadDecay)}
     * @param leadDecay   how many sentences the position prior takes to halve
     * @param centrality  weight of the TextRank score (0..1)
     * @param title       weight of the cosine similarity with the headline
     * @param focus       weight of the share of matched terms the sentence holds
     * @param redundancy  highest similarity to an already chosen sentence that is still accepted
     * @param minWords    sentences with fewer words are scored down in proportion
     */
    record Weights(double lead, double leadDecay, double centrality, double title, double focus, double redundancy,
                   int minWords) {
        static final Weights DEFAULT = new Weights(1.0, 1.0, 0.7, 0.7, 1.0, 0.55, 8);
    }

    private final Weights weights;

    SentenceSelector(Weights weights) {
        this.weights = weights;
    }

    /** The indices of the chosen sentences in ascending order; the best one alone when it does not fit whole. */
    List<Integer> select(List<String> sentences, String title, FocusTerms focus, int maxChars) {
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<List<String>> content = sentences.stream().map(Words::content).toList();
        List<Map<String, Double>> vectors = TextRank.vectors(content);
        double[][] sim = TextRank.similarities(vectors);
        double[] centrality = TextRank.rank(sim);
        Map<String, Double> titleVector = TextRank.vectors(List.of(Words.content(title))).get(0);
        double[] score = new double[sentences.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = score(i, sentences.get(i), content.get(i).size(), centrality[i],
                    TextRank.cosine(vectors.get(i), titleVector), focus);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        return pick(order, sentences, sim, maxChars);
    }

    private double score(int index, String sentence, int contentWords, double centrality, double titleSimilarity,
                         FocusTerms focus) {
        double lead = 1.0 / (1.0 + index / weights.leadDecay());
        double focusShare = focus.isEmpty() ? 0
                : (double) focus.looseHits(Words.of(sentence)) / focus.terms().size();
        double total = weights.lead() * lead + weights.centrality() * centrality
                + weights.title() * titleSimilarity + weights.focus() * focusShare;
        double lengthFactor = Math.min(1.0, (double) Words.of(sentence).size() / weights.minWords());
        return contentWords == 0 ? 0 : total * lengthFactor;
    }

    private List<Integer> pick(List<Integer> order, List<String> sentences, double[][] sim, int maxChars) {
        List<Integer> chosen = new ArrayList<>();
        if (sentences.get(order.get(0)).length() > maxChars) {
            return List.of(order.get(0));
        }
        int used = 0;
        for (int i : order) {
            int needed = sentences.get(i).length() + (chosen.isEmpty() ? 0 : 1);
            if (used + needed > maxChars || repeats(i, chosen, sim)) {
                continue;
            }
            chosen.add(i);
            used += needed;
        }
        chosen.sort(Integer::compare);
        return chosen;
    }

    private boolean repeats(int candidate, List<Integer> chosen, double[][] sim) {
        for (int c : chosen) {
            if (sim[candidate][c] > weights.redundancy()) {
                return true;
            }
        }
        return false;
    }
}
