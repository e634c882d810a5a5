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

    /**
     * What the queries and texts look like.
     *
     * <ul>
     *   <li>{@code BASE}: the queries above, ASCII text;</li>
     *   <li>{@code USERS}: also prefixes, OR, {@code title:}, {@code source:} and non-ASCII queries, and text with
     *       accented words, curly quotes and CJK characters at the rates measured over {@code ../shared/corpus}
     *       (see {@link #USERS_TEXT});</li>
     *   <li>{@code HEAVY}: the BASE shapes with query words from rank {@value #HEAVY_QUERY_MIN_RANK} on (frequent
     *       words), hundreds of matches per article.</li>
     * </ul>
     */
    public enum Mix { BASE, USERS, HEAVY }

    public static final int HEAVY_QUERY_MIN_RANK = 1_500;

    /**
     * Rates in the USERS text, from the UTF-8 text of the feeds, articles and summaries under ../shared/corpus (656
     * files, 598,411 chars, 102,087 words; tags removed): 0.15% of words have a non-ASCII letter, 0.069 curly quotes
     * and 0.025 CJK characters per 1,000 chars. A 3 KB article thus has a curly quote in about one case in five;
     * one such char sends the whole article down the Unicode path of the word splitter.
     */
    static final double[] USERS_TEXT = {0.0015, 0.069 / 1000, 0.025 / 1000};
    private static final String[] HAN = {"北京", "中国", "日本", "东京", "上海", "台湾", "香港", "韩国"};

    private final Mix mix;
    private final List<String> words = new ArrayList<>();
    private final List<String> collocations = new ArrayList<>();
    private final Zipf allWords;
    private final Zipf queryWords;
    private final Zipf phrases;

    Workload(long seed) {
        this(seed, DEFAULT_VOCABULARY, DEFAULT_QUERY_MIN_RANK);
    }

    public Workload(long seed, int vocabulary, int queryMinRank) {
        this(seed, vocabulary, queryMinRank, Mix.BASE);
    }

    /** A workload of the mix; HEAVY takes its query words from rank {@value #HEAVY_QUERY_MIN_RANK} on. */
    public Workload(long seed, int vocabulary, int queryMinRank, Mix mix) {
        this.mix = mix;
        if (mix == Mix.HEAVY) {
            queryMinRank = Math.min(queryMinRank, HEAVY_QUERY_MIN_RANK);
        }
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
        if (mix == Mix.USERS) {
            return userQuery(random);
        }
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

    /**
     * Query shapes of the USERS mix (chosen, not measured: the corpus has no queries): 40% one word, 12% a phrase,
     * 10% a prefix (a word's stem), 10% OR, 12% AND/NOT, 6% {@code title:}, 6% {@code source:} with a word, 4%
     * non-ASCII (an accented word or a CJK phrase).
     */
    private String userQuery(Random random) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return queryWord(random);
        }
        if (pick < 52) {
            return phrase(random);
        }
        if (pick < 62) {
            // A stem: the word less its last one or two letters, at least 4 letters ("ukrain*", "vaccin*").
            String w = queryWord(random);
            return w.substring(0, Math.max(Math.min(4, w.length()), w.length() - 1 - random.nextInt(2))) + "*";
        }
        if (pick < 72) {
            return queryWord(random) + " OR " + (random.nextBoolean() ? queryWord(random) : phrase(random));
        }
        if (pick < 84) {
            return random.nextBoolean() ? queryWord(random) + " AND " + queryWord(random)
                    : queryWord(random) + " NOT " + queryWord(random);
        }
        if (pick < 90) {
            return "title:" + queryWord(random);
        }
        if (pick < 96) {
            return "source:feed-" + random.nextInt(FEEDS) + " AND " + queryWord(random);
        }
        return random.nextBoolean() ? accented(queryWord(random)) : "\"" + HAN[random.nextInt(HAN.length)] + "\"";
    }

    /** The word with its first vowel accented: folded, it is the word again. */
    private static String accented(String word) {
        for (int i = 0; i < word.length(); i++) {
            int v = "aeiou".indexOf(word.charAt(i));
            if (v >= 0) {
                return word.substring(0, i) + "àéíöü".charAt(v) + word.substring(i + 1);
            }
        }
        return word;
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
            if (mix == Mix.USERS) {
                token = decorate(random, token);
            }
            if (i == 0) {
                token = Character.toUpperCase(token.charAt(0)) + token.substring(1);
            } else {
                out.append(punctuated && random.nextInt(12) == 0 ? ", " : " ");
            }
            out.append(token);
        }
        return out.toString();
    }

    /** Accents, curly quotes and CJK at the corpus's rates (per word; a word and its space are ~7 chars). */
    private static String decorate(Random random, String token) {
        if (random.nextDouble() < USERS_TEXT[0]) {
            token = accented(token);
        }
        if (random.nextDouble() < USERS_TEXT[1] * 7) {
            token = random.nextBoolean() ? "“" + token + "”" : "‘" + token + "’";
        }
        if (random.nextDouble() < USERS_TEXT[2] * 7 / 2) {
            token = token + " " + HAN[random.nextInt(HAN.length)];
        }
        return token;
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
