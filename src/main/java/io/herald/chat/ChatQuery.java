package io.herald.chat;

import io.herald.match.Query;
import io.herald.match.QueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query typed in chat, read kindly before it is saved: a term with no letters or digits (an emoji) is dropped with
 * a note instead of refusing the whole query; a lowercase {@code and}/{@code or}/{@code not} between words stays a
 * word to look for, and the reply says how to write the operator; {@code source:} must name a known feed. Every text
 * a user sees from here is in {@link Replies}.
 */
public final class ChatQuery {
    private static final Pattern QUOTED = Pattern.compile("[\"\u201C\u201D\u201E][^\"\u201C\u201D]*[\"\u201C\u201D]?");
    private static final Pattern SOURCE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_-])-?source:([^\\s()\"\u201C\u201D\u201E]*)");
    private static final Pattern LOWER_OPERATOR = Pattern.compile("(?<=\\s)(and|or|not|And|Or|Not)(?=\\s)");
    private static final Pattern DANGLING = Pattern.compile("^\\s*(AND|OR)\\s+|\\s+(AND|OR|NOT)\\s*$");
    private static final String NO_LETTERS = "has no letters or digits to match";
    private static final int MAX_DROPS = 20;

    /** The query to save and the notes to add to the reply. */
    public record Checked(String query, List<Reply> notes) {
    }

    /** The query cannot be used; {@link #reply} says why in one or two sentences. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        Refused(Reply reply) {
            super(reply.toString());
            this.reply = reply;
        }

        public Reply reply() {
            return reply;
        }
    }

    private ChatQuery() {
    }

    /**
     * @param knownFeeds the feed ids {@code source:} may name; empty means they are not known here (not checked)
     * @throws Refused with the reply, when the query cannot be used
     */
    public static Checked check(String typed, Set<String> knownFeeds) throws Refused {
        List<Reply> notes = new ArrayList<>();
        String query = typed.strip();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i <= MAX_DROPS; i++) {
            try {
                Query.parse(query);
                break;
            } catch (QueryException e) {
                Optional<String> rest = i < MAX_DROPS && e.detail().contains(NO_LETTERS)
                        ? withoutTermAt(query, e.position(), dropped) : Optional.empty();
                if (rest.isEmpty()) {
                    throw new Refused(Replies.badQuery(e.position(), e.detail()));
                }
                query = rest.get();
                if (query.isBlank()) {
                    throw new Refused(Replies.nothingToMatch(dropped));
                }
            }
        }
        if (!dropped.isEmpty()) {
            notes.add(Replies.droppedTerms(dropped));
        }
        lowercaseOperator(query).ifPresent(op -> notes.add(Replies.lowercaseOperator(op)));
        if (!knownFeeds.isEmpty()) {
            Set<String> unknown = new TreeSet<>();
            Matcher m = SOURCE.matcher(outsideQuotes(query));
            while (m.find()) {
                if (!knownFeeds.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    unknown.add(m.group(1));
                }
            }
            if (!unknown.isEmpty()) {
                throw new Refused(Replies.unknownFeed(unknown, new TreeSet<>(knownFeeds)));
            }
        }
        return new Checked(query, List.copyOf(notes));
    }

    /** The text with quoted phrases blanked out (same length), so that words inside quotes are not read as syntax. */
    private static String outsideQuotes(String text) {
        Matcher m = QUOTED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(" ".repeat(m.group().length())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Optional<String> lowercaseOperator(String query) {
        Matcher m = LOWER_OPERATOR.matcher(outsideQuotes(query));
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * The query without the term (word, phrase, {@code -term} or {@code title:term}) that starts at or contains the
     * 1-based code point {@code position}, and without an operator left dangling at either end.
     */
    private static Optional<String> withoutTermAt(String query, int position, List<String> dropped) {
        int[] cps = query.codePoints().toArray();
        int at = position - 1;
        if (at < 0 || at >= cps.length) {
            return Optional.empty();
        }
        int start = at;
        while (start > 0 && !Character.isWhitespace(cps[start - 1]) && cps[start - 1] != '(') {
            start--;
        }
        int end;
        if (isQuote(cps[at])) {
            end = at + 1;
            while (end < cps.length && !isQuote(cps[end])) {
                end++;
            }
            end = Math.min(cps.length, end + 1);
        } else {
            end = at;
            while (end < cps.length && !Character.isWhitespace(cps[end]) && cps[end] != ')') {
                end++;
            }
        }
        String term = new String(cps, start, end - start);
        dropped.add(term);
        String rest = (new String(cps, 0, start) + " " + new String(cps, end, cps.length - end)).strip();
        String previous;
        do {
            previous = rest;
            rest = DANGLING.matcher(rest).replaceAll(" ").strip();
        } while (!rest.equals(previous));
        return Optional.of(rest.replaceAll("\\s{2,}", " "));
    }

    private static boolean isQuote(int c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }
}
