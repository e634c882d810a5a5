package io.herald.summarize;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ROUGE-N and ROUGE-L (Lin, 2004) over token lists, as the public pltrdy/rouge implementation computes them:
 * ROUGE-N counts distinct n-grams, ROUGE-L is the longest common subsequence of the whole token sequences.
 */
final class Rouge {

    /** Precision and recall of one comparison, and their harmonic mean. */
    record Score(double precision, double recall) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private Rouge() {
    }

    /** Lower-cased runs of letters and digits: the tokens used to compare summaries. */
    static List<String> tokens(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(t -> !t.isEmpty()).toList();
    }

    static Score n(List<String> hypothesis, List<String> reference, int n) {
        Set<List<String>> hyp = ngrams(hypothesis, n);
        Set<List<String>> ref = ngrams(reference, n);
        Set<List<String>> overlap = new HashSet<>(hyp);
        overlap.retainAll(ref);
        return new Score(ratio(overlap.size(), hyp.size()), ratio(overlap.size(), ref.size()));
    }

    static Score l(List<String> hypothesis, List<String> reference) {
        int lcs = lcs(hypothesis, reference);
        return new Score(ratio(lcs, hypothesis.size()), ratio(lcs, reference.size()));
    }

    private static Set<List<String>> ngrams(List<String> tokens, int n) {
        Set<List<String>> out = new HashSet<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.add(List.copyOf(tokens.subList(i, i + n)));
        }
        return out;
    }

    private static int lcs(List<String> x, List<String> y) {
        int[] previous = new int[y.size() + 1];
        for (String a : x) {
            int[] current = new int[y.size() + 1];
            for (int j = 1; j <= y.size(); j++) {
                current[j] = a.equals(y.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            previous = current;
        }
        return previous[y.size()];
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
