package io.herald.summarize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence centrality by TextRank: sentences are nodes, edges are weighted by the cosine similarity of their
 * TF-IDF vectors (content words, stemmed), and the score is PageRank over that graph (damping 0.85).
 */
final class TextRank {

    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 40;

    private TextRank() {
    }

    /** TF-IDF vectors for each sentence's content words; the IDF comes from the sentences themselves. */
    static List<Map<String, Double>> vectors(List<List<String>> sentences) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (List<String> words : sentences) {
            words.stream().distinct().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
        int n = sentences.size();
        return sentences.stream().map(words -> {
            Map<String, Double> vector = new HashMap<>();
            for (String w : words) {
                vector.merge(w, 1.0, Double::sum);
            }
            vector.replaceAll((w, tf) -> tf * (Math.log((double) (n + 1) / documentFrequency.get(w)) + 1.0));
            return vector;
        }).toList();
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** The similarity matrix of the vectors (zero diagonal). */
    static double[][] similarities(List<Map<String, Double>> vectors) {
        int n = vectors.size();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = sim[j][i] = cosine(vectors.get(i), vectors.get(j));
            }
        }
        return sim;
    }

    /** PageRank scores over the weighted graph, scaled so that the highest is 1 (all 0 without edges). */
    static double[] rank(double[][] sim) {
        int n = sim.length;
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                outWeight[i] += sim[i][j];
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0 / Math.max(1, n));
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (sim[j][i] > 0) {
                        sum += sim[j][i] / outWeight[j] * rank[j];
                    }
                }
                next[i] = (1 - DAMPING) / n + DAMPING * sum;
            }
            rank = next;
        }
        return scaled(rank);
    }

    private static double[] scaled(double[] rank) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double r : rank) {
            max = Math.max(max, r);
            min = Math.min(min, r);
        }
        double[] out = new double[rank.length];
        if (max - min < 1e-12) {
            return out;
        }
        for (int i = 0; i < rank.length; i++) {
            out[i] = (rank[i] - min) / (max - min);
        }
        return out;
    }
}
