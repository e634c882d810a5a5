package io.herald.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link Query#matches} with a deliberately simple reference: random expression trees over a small
 * vocabulary are written out with randomly chosen surface syntax, parsed, and evaluated against random documents;
 * the reference evaluates the generated tree directly over a regex tokeniser.
 */
class QueryReferenceTest {
    private static final List<String> VOCABULARY = List.of("nato", "kursk", "korea", "korean", "north", "south",
            "sport", "and", "or", "not", "Zürich", "zurich", "Straße", "strasse", "covid", "19", "東", "京", "été");
    private static final List<String> SOURCES = List.of("world", "tech", "world-news");
    private static final List<String> SEPARATORS = List.of(" ", ", ", "-", " (", ") ", "'", " — ", "\n");
    private static final String OWN_WORD = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}";
    private static final Pattern REFERENCE_WORD = Pattern.compile(
            "[" + OWN_WORD + "]|[\\p{L}\\p{Nd}&&[^" + OWN_WORD + "]]+");

    private final Random random = new Random(20240611L);

    /** The reference syntax tree. */
    private sealed interface Expr permits Term, Source, Not, And, Or {}

    private record Term(List<String> words, boolean prefix, boolean titleOnly) implements Expr {}

    private record Source(String feedId) implements Expr {}

    private record Not(Expr child) implements Expr {}

    private record And(List<Expr> parts) implements Expr {}

    private record Or(List<Expr> branches) implements Expr {}

    private record Doc(String title, String text, String source) {}

    @Test
    void agreesWithReferenceEvaluatorOnRandomQueriesAndDocuments() {
        int evaluated = 0;
        int refused = 0;
        int matched = 0;
        for (int q = 0; q < 1500; q++) {
            Expr expr = randomExpr(3);
            String text = write(expr, false);
            if (!referenceValid(expr)) {
                assertThatThrownBy(() -> Query.parse(text)).as(text).isInstanceOf(QueryException.class);
                refused++;
                continue;
            }
            Query query = parse(text);
            Query reparsed = parse(query.toString());
            for (int d = 0; d < 4; d++) {
                Doc doc = randomDoc();
                Document document = new Document(doc.title(), doc.text(), doc.source());
                boolean expected = referenceMatches(expr, doc);
                assertThat(query.matches(document)).as("%s (%s) on %s", text, query, doc).isEqualTo(expected);
                assertThat(reparsed.matches(document)).as("reparsed %s on %s", query, doc).isEqualTo(expected);
                evaluated++;
                matched += expected ? 1 : 0;
            }
        }
        assertThat(evaluated).isGreaterThan(3000);
        assertThat(refused).isGreaterThan(50);
        assertThat(matched).isBetween(evaluated / 10, evaluated * 9 / 10);
    }

    private static Query parse(String text) {
        try {
            return Query.parse(text);
        } catch (QueryException e) {
            throw new AssertionError("refused " + text + ": " + e.getMessage(), e);
        }
    }

    // ---- generation

    private Expr randomExpr(int depth) {
        int pick = depth == 0 ? 0 : random.nextInt(10);
        if (pick < 4) {
            return randomTerm();
        }
        if (pick < 6) {
            return new Not(randomExpr(depth - 1));
        }
        List<Expr> children = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            children.add(randomExpr(depth - 1));
        }
        return pick < 8 ? new And(children) : new Or(children);
    }

    private Expr randomTerm() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return new Source(SOURCES.get(random.nextInt(SOURCES.size())));
        }
        boolean titleOnly = random.nextInt(4) == 0;
        if (kind < 3) {
            List<String> words = new ArrayList<>();
            int n = 2 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                words.add(word());
            }
            return new Term(words, false, titleOnly);
        }
        if (kind < 5) {
            String word = word();
            int length = 1 + random.nextInt(word.length());
            return new Term(List.of(word.substring(0, length)), true, titleOnly);
        }
        return new Term(List.of(word()), false, titleOnly);
    }

    private String word() {
        return VOCABULARY.get(random.nextInt(VOCABULARY.size()));
    }

    private String randomCase(String word) {
        switch (random.nextInt(4)) {
            case 0: return word.toUpperCase(Locale.ROOT);
            case 1: return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            default: return word;
        }
    }

    private String queryCase(String word) {
        String cased = randomCase(word);
        boolean operator = cased.equals("AND") || cased.equals("OR") || cased.equals("NOT");
        return operator ? word : cased;
    }

    private Doc randomDoc() {
        return new Doc(randomText(4), randomText(7), randomCase(SOURCES.get(random.nextInt(SOURCES.size()))));
    }

    private String randomText(int maxWords) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(maxWords + 1);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            out.append(randomCase(word()));
        }
        return out.toString();
    }

    // ---- writing a tree as query text with random surface syntax

    private String write(Expr expr, boolean needsGroup) {
        String written;
        boolean composite = expr instanceof And || expr instanceof Or;
        if (expr instanceof Term term) {
            written = writeTerm(term);
        } else if (expr instanceof Source source) {
            written = "source:" + randomCase(source.feedId());
        } else if (expr instanceof Not not) {
            boolean childComposite = not.child() instanceof And || not.child() instanceof Or;
            written = (random.nextBoolean() ? "NOT " : "-") + write(not.child(), childComposite);
        } else if (expr instanceof And and) {
            StringBuilder out = new StringBuilder();
            for (Expr part : and.parts()) {
                out.append(out.length() == 0 ? "" : random.nextBoolean() ? " " : " AND ");
                out.append(write(part, part instanceof Or || (part instanceof And && random.nextBoolean())));
            }
            written = out.toString();
        } else {
            StringBuilder out = new StringBuilder();
            for (Expr branch : ((Or) expr).branches()) {
                out.append(out.length() == 0 ? "" : " OR ");
                out.append(write(branch, branch instanceof Or || (branch instanceof And && random.nextBoolean())));
            }
            written = out.toString();
        }
        boolean group = (needsGroup && composite) || random.nextInt(8) == 0;
        return group ? "(" + written + ")" : written;
    }

    private String writeTerm(Term term) {
        String field = term.titleOnly() ? (random.nextBoolean() ? "title:" : "Title:") : "";
        if (term.prefix()) {
            return field + queryCase(term.words().get(0)) + "*";
        }
        List<String> cased = term.words().stream().map(this::queryCase).toList();
        if (cased.size() == 1) {
            switch (random.nextInt(3)) {
                case 0: return field + "\"" + cased.get(0) + "\"";
                case 1: return field + cased.get(0) + ",";
                default: return field + cased.get(0);
            }
        }
        return random.nextBoolean()
                ? field + "\"" + String.join(" ", cased) + "\""
                : field + String.join("-", term.words());
    }

    // ---- the reference

    private static List<String> referenceWords(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("ß", "ss").replace('ς', 'σ');
        List<String> words = new ArrayList<>();
        Matcher matcher = REFERENCE_WORD.matcher(folded);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static boolean referenceValid(Expr expr) {
        return positive(expr) && orBranchesPositive(expr);
    }

    private static boolean positive(Expr expr) {
        if (expr instanceof Not) {
            return false;
        }
        if (expr instanceof And and) {
            return and.parts().stream().anyMatch(QueryReferenceTest::positive);
        }
        if (expr instanceof Or or) {
            return or.branches().stream().allMatch(QueryReferenceTest::positive);
        }
        return true;
    }

    private static boolean orBranchesPositive(Expr expr) {
        if (expr instanceof Not not) {
            return orBranchesPositive(not.child());
        }
        if (expr instanceof And and) {
            return and.parts().stream().allMatch(QueryReferenceTest::orBranchesPositive);
        }
        if (expr instanceof Or or) {
            return or.branches().stream().allMatch(b -> positive(b) && orBranchesPositive(b));
        }
        return true;
    }

    private static boolean referenceMatches(Expr expr, Doc doc) {
        if (expr instanceof Source source) {
            return doc.source().equalsIgnoreCase(source.feedId());
        }
        if (expr instanceof Not not) {
            return !referenceMatches(not.child(), doc);
        }
        if (expr instanceof And and) {
            return and.parts().stream().allMatch(p -> referenceMatches(p, doc));
        }
        if (expr instanceof Or or) {
            return or.branches().stream().anyMatch(b -> referenceMatches(b, doc));
        }
        Term term = (Term) expr;
        List<String> title = referenceWords(doc.title());
        List<String> text = term.titleOnly() ? List.of() : referenceWords(doc.text());
        if (term.prefix()) {
            String prefix = String.join("", referenceWords(term.words().get(0)));
            return title.stream().anyMatch(w -> w.startsWith(prefix)) || text.stream().anyMatch(w -> w.startsWith(prefix));
        }
        List<String> phrase = referenceWords(String.join(" ", term.words()));
        return Collections.indexOfSubList(title, phrase) >= 0 || Collections.indexOfSubList(text, phrase) >= 0;
    }
}
