package io.herald.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed subscription query. Immutable and thread-safe; parse once, match many documents.
 *
 * <p>The language (see the interface contract, "Query language"):
 * <pre>
 * query   = or
 * or      = and { "OR" and }
 * and     = unary { ["AND"] unary }            juxtaposition is AND
 * unary   = ("NOT" | "-") unary | primary      "-" directly before what it negates
 * primary = "(" or ")" | term
 * term    = word | word* | "phrase" | title:word | title:word* | title:"phrase" | title:( or ) | source:feed-id
 * </pre>
 * <ul>
 *   <li>Only the all-uppercase words {@code AND}, {@code OR}, {@code NOT} are operators; NOT binds tightest, then
 *       AND, then OR. {@code and}, {@code Or}, ... are ordinary words.</li>
 *   <li>Text is compared as {@link TextNormalizer} words. A term written without quotes that normalises to several
 *       words is the phrase of those words ({@code covid-19} is {@code "covid 19"}); inside quotes everything is
 *       text, including {@code *}, parentheses and operators. Straight and typographic quotes both work.</li>
 *   <li>A trailing {@code *} makes the last word a prefix ({@code korea*}, {@code title:korea*},
 *       {@code north-kor*}); elsewhere {@code *} separates words.</li>
 *   <li>{@code -} negates only at the start of a term or group ({@code -sport}, {@code -"a b"}, {@code -(a OR b)},
 *       {@code -title:x}); inside a word it separates words ({@code covid-19}).</li>
 *   <li>A phrase matches inside the title or inside the text, never across the two.</li>
 *   <li>{@code title:} restricts a word, phrase or parenthesised group to the title; inside
 *       {@code title:( ... )} every word and phrase is title-only. {@code source:id} compares the item's feed id,
 *       ignoring case. The prefixes are recognised in any case ({@code Title:}). Any other {@code word:} is plain
 *       text, so {@code covid:19} is the phrase {@code "covid 19"}.</li>
 *   <li>Refused, with the 1-based character position of the problem: an empty query, a query that only excludes
 *       ({@code -sport}, {@code NOT sport}; a double negation still counts as excluding), an OR branch anywhere
 *       that only excludes ({@code nato OR -sport}, {@code nato (a OR -b)}),
 *       unbalanced parentheses or quotes, empty parentheses, an operator without its operands ({@code nato AND},
 *       {@code OR nato}), a term with no letters or digits ({@code ***}), more than 512 characters, more than 32
 *       terms (each word, phrase, prefix and source term counts once).</li>
 * </ul>
 */
public final class Query {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final String text;
    private final Node root;

    private Query(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses {@code text}; throws with the position of the first problem when the language refuses it. */
    public static Query parse(String text) throws QueryException {
        Objects.requireNonNull(text, "text");
        return new Query(text, QueryParser.parse(text, NORMALIZER));
    }

    /** Whether the document satisfies the query. */
    public boolean matches(Document document) {
        return root.matches(document);
    }

    /**
     * The terms that speak for a match (those not under a negation) and occur in the document, in query order,
     * written as in {@link #toString()}, e.g. {@code ["kursk", "title:\"north korea\""]}.
     */
    public List<String> explain(Document document) {
        List<String> matched = new ArrayList<>();
        root.forEachPositiveTerm(false, term -> {
            if (term.matches(document)) {
                StringBuilder out = new StringBuilder();
                term.render(out);
                matched.add(out.toString());
            }
        });
        return matched;
    }

    /** Walks the syntax tree bottom up; see {@link QueryVisitor}. */
    public <R> R accept(QueryVisitor<R> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return visit(root, visitor);
    }

    private static <R> R visit(Node node, QueryVisitor<R> visitor) {
        if (node instanceof Node.Or or) {
            return visitor.or(visitAll(or.branches(), visitor));
        }
        if (node instanceof Node.And and) {
            return visitor.and(visitAll(and.parts(), visitor));
        }
        if (node instanceof Node.Not not) {
            return visitor.not(visit(not.child(), visitor));
        }
        if (node instanceof Node.Term term) {
            return visitor.term(term.words(), term.prefix(), term.titleOnly());
        }
        return visitor.source(((Node.Source) node).feedId());
    }

    private static <R> List<R> visitAll(List<Node> nodes, QueryVisitor<R> visitor) {
        List<R> results = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            results.add(visit(node, visitor));
        }
        return results;
    }

    /** The text the query was parsed from. */
    public String text() {
        return text;
    }

    /**
     * A normalised, fully explicit form that parses back to the same query, e.g.
     * {@code kursk OR ("north korea" AND NOT sport)}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        root.render(out);
        return out.toString();
    }

    /** Queries are equal when their normalised forms are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Query query && query.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * How the normalised form writes one term: {@code title:} when it is title-only, a phrase in quotes, a
     * hyphenated prefix phrase ({@code north-kor*}), a trailing {@code *} for a prefix.
     */
    public static void writeTerm(StringBuilder out, List<String> words, boolean prefix, boolean titleOnly) {
        out.append(titleOnly ? "title:" : "");
        if (words.size() == 1) {
            out.append(words.get(0));
        } else if (prefix) {
            out.append(String.join("-", words));
        } else {
            out.append('"').append(String.join(" ", words)).append('"');
        }
        out.append(prefix ? "*" : "");
    }
}
