package io.herald.match.index.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's synthetic news: a vocabulary of pronounceable words ranked by a Zipf law (frequent words short),
 * articles of about 3 KB of sentences drawn from it with collocations (fixed phrases) mixed in, and subscriptions of
 * 1-3 words or phrases, 20% of them with AND/NOT, 10% limited to one or two feeds.
 *
 * <p>Query words come from the same Zipf law restricted to the ranks from {@code queryMinRank} on: people subscribe
 * to names and topics, not to "the" or "said". That rank sets the fan-out (matches per article), which the benchmark
 * prints; the default gives about one match per thousand subscriptions per article.
 */
public final class Workload {
    public static final int DEFAULT_VOCABULARY = 200_000;
    public static final int DEFAULT_QUERY_MIN_RANK = 10_000;
    static final int FEEDS = 20;
    private static final int COLLOCATIONS = 20_000;
    private static final String CONSONANTS = "bcdfghjklmnprstvwz";
    private static final String VOWELS = "aeiou";

    /** An article as a feed item gives it. */
    public record Article(String title, String text, String source) {}

    /** A subscription as the store gives it. */
    public record Subscription(long id, String query, Set<String> feeds) {}

    private final List<String> words = new ArrayList<>();
    private final List<String> collocations = new ArrayList<>();
    private final Zipf allWords;
    private final Zipf queryWords;
    private final Zipf phrases;

    Workload(long seed) {
        this(seed, DEFAULT_VOCABULARY, DEFAULT_QUERY_MIN_RANK);
    }

    public Workload(long seed, int vocabulary, int queryMinRank) {
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        while (words.size() < vocabulary) {
            String word = word(random, words.size());
            if (seen.add(word)) {
                words.add(word);
            }
        }
        allWords = new Zipf(0, vocabulary);
        queryWords = new Zipf(queryMinRank, vocabulary);
        phrases = new Zipf(COLLOCATIONS / 10, COLLOCATIONS + COLLOCATIONS / 10);
        for (int i = 0; i < COLLOCATIONS; i++) {
            int n = random.nextInt(4) == 0 ? 3 : 2;
            List<String> phrase = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                phrase.add(words.get(queryWords.sample(random)));
            }
            collocations.add(String.join(" ", phrase));
        }
    }

    public List<Article> articles(int count, long seed) {
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Article(sentence(random, 6 + random.nextInt(7), false), text(random),
                    "feed-" + random.nextInt(FEEDS)));
        }
        return out;
    }

    public List<Subscription> subscriptions(int count, long seed) {
        Random random = new Random(seed);
        List<Subscription> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Set<String> feeds = new HashSet<>();
            if (random.nextInt(10) == 0) {
                feeds.add("feed-" + random.nextInt(FEEDS));
                feeds.add("feed-" + random.nextInt(FEEDS));
            }
            out.add(new Subscription(1_000_000_000L + i * 3L, query(random), Set.copyOf(feeds)));
        }
        return out;
    }

    private String query(Random random) {
        int pick = random.nextInt(100);
        if (pick < 60) {
            return queryWord(random);
        }
        if (pick < 80) {
            return phrase(random);
        }
        switch (random.nextInt(4)) {
            case 0: return queryWord(random) + " AND " + queryWord(random);
            case 1: return queryWord(random) + " NOT " + queryWord(random);
            case 2: return phrase(random) + " AND " + queryWord(random);
            default: return queryWord(random) + " " + queryWord(random) + " NOT " + queryWord(random);
        }
    }

    private String queryWord(Random random) {
        return words.get(queryWords.sample(random));
    }

    private String phrase(Random random) {
        return "\"" + collocation(random) + "\"";
    }

    /** Collocations follow a flattened Zipf law: no phrase is in every article. */
    private String collocation(Random random) {
        return collocations.get(phrases.sample(random) - COLLOCATIONS / 10);
    }

    private String text(Random random) {
        StringBuilder out = new StringBuilder(3_200);
        while (out.length() < 3_000) {
            out.append(sentence(random, 8 + random.nextInt(13), true)).append(random.nextInt(8) == 0 ? ".\n" : ". ");
        }
        return out.toString();
    }

    private String sentence(Random random, int length, boolean punctuated) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String token = random.nextInt(40) == 0
                    ? collocation(random)
                    : words.get(allWords.sample(random));
            if (i == 0) {
                token = Character.toUpperCase(token.charAt(0)) + token.substring(1);
            } else {
                out.append(punctuated && random.nextInt(12) == 0 ? ", " : " ");
            }
            out.append(token);
        }
        return out.toString();
    }

    /** Frequent ranks get short words, as in English. */
    private static String word(Random random, int rank) {
        int syllables = rank < 60 ? 1 : rank < 1_500 ? 2 : rank < 15_000 ? 3 : 3 + random.nextInt(2);
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            out.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            out.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
            if (random.nextInt(4) == 0) {
                out.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            }
        }
        return out.toString();
    }

    /** Ranks {@code from .. to-1} with probability proportional to {@code 1 / (rank + 1)}. */
    private static final class Zipf {
        private final int from;
        private final double[] cumulative;

        Zipf(int from, int to) {
            this.from = from;
            this.cumulative = new double[to - from];
            double sum = 0;
            for (int r = from; r < to; r++) {
                sum += 1.0 / (r + 1);
                cumulative[r - from] = sum;
            }
        }

        int sample(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int at = java.util.Arrays.binarySearch(cumulative, target);
            return from + (at >= 0 ? at : Math.min(-at - 1, cumulative.length - 1));
        }
    }
}
