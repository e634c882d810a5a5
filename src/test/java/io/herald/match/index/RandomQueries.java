package io.herald.match.index;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random queries and documents over a small vocabulary chosen to hit the index's edge cases: words that are
 * prefixes of each other and shorter or longer than prefix keys, words longer than 12 letters, accents, sharp s,
 * final sigma, CJK characters, operator words, phrases, title-only terms, sources, and feed limits. Many fields come
 * out all ASCII, many not, so both ways of cutting a field into words are exercised.
 */
final class RandomQueries {
    static final List<String> VOCABULARY = List.of("nato", "kursk", "korea", "korean", "kor", "ko", "k", "north",
            "south", "sport", "and", "or", "not", "Zürich", "zurich", "Straße", "strasse", "covid", "19", "東", "京",
            "été", "ete", "ΣΟΦΊΑΣ", "σοφιας", "a", "ab", "abc", "abcd", "abcde", "x1", "Internationalisation",
            "internationalisationen");
    static final List<String> SOURCES = List.of("world", "tech", "world-news");
    private static final List<String> DOC_SOURCES = List.of("world", "tech", "world-news", "World", "");
    private static final List<String> SEPARATORS = List.of(" ", ", ", "-", " (", ") ", "'", " — ", "\n", "");

    private final Random random;

    RandomQueries(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A random query the language accepts, or empty when the random text was refused. */
    Optional<Query> query() {
        String text = expr(3, false);
        try {
            return Optional.of(Query.parse(text));
        } catch (QueryException e) {
            return Optional.empty();
        }
    }

    Set<String> feeds() {
        Set<String> feeds = new HashSet<>();
        if (random.nextInt(5) == 0) {
            for (String source : SOURCES) {
                if (random.nextBoolean()) {
                    feeds.add(source);
                }
            }
        }
        return feeds;
    }

    Document document() {
        String text = random.nextInt(10) == 0 ? text(150) : text(12);
        return new Document(text(5), text, DOC_SOURCES.get(random.nextInt(DOC_SOURCES.size())));
    }

    private String expr(int depth, boolean nested) {
        int pick = depth == 0 ? 0 : random.nextInt(10);
        if (pick < 4) {
            return term();
        }
        if (pick < 6) {
            String child = expr(depth - 1, true);
            return (random.nextBoolean() ? "NOT " : "-") + group(child);
        }
        List<String> children = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            children.add(group(expr(depth - 1, true)));
        }
        String operator = pick < 8 ? (random.nextBoolean() ? " " : " AND ") : " OR ";
        String joined = String.join(operator, children);
        return nested ? "(" + joined + ")" : joined;
    }

    private static String group(String text) {
        return text.contains(" ") && !text.startsWith("(") ? "(" + text + ")" : text;
    }

    private String term() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "source:" + SOURCES.get(random.nextInt(SOURCES.size()));
        }
        String field = random.nextInt(4) == 0 ? "title:" : "";
        if (kind < 3) {
            List<String> words = new ArrayList<>();
            int n = 2 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                words.add(word());
            }
            return random.nextInt(4) == 0
                    ? field + String.join("-", words.subList(0, n - 1)) + "-" + prefixOf(words.get(n - 1)) + "*"
                    : field + "\"" + String.join(" ", words) + "\"";
        }
        if (kind < 5) {
            return field + prefixOf(word()) + "*";
        }
        return field + "\"" + word() + "\"";
    }

    private String prefixOf(String word) {
        int length = 1 + random.nextInt(word.length());
        return word.substring(0, length);
    }

    private String word() {
        String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
        switch (random.nextInt(4)) {
            case 0: return word.toUpperCase(Locale.ROOT);
            case 1: return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            default: return word;
        }
    }

    private String text(int maxWords) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(maxWords + 1);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            out.append(word());
        }
        return out.toString();
    }
}
