package io.herald.match.index;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.index.MatchExplanation.Field;
import io.herald.match.index.MatchExplanation.Occurrence;
import io.herald.match.index.MatchExplanation.TermMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link MatchExplanation}s from compiled programs: the terms under an even number of NOTs that occur in the
 * document, in query order (as {@link io.herald.match.Query#explain}), with every occurrence's word index and
 * character span. Works on the document's words directly; only called for documents that matched.
 */
final class Explainer {
    private final WordDictionary dictionary;
    private final Document document;
    private final List<String> titleWords;
    private final List<String> textWords;
    private WordSpans titleSpans;
    private WordSpans textSpans;
    private boolean titleSpansAgree;
    private boolean textSpansAgree;

    Explainer(WordDictionary dictionary, Document document) {
        this.dictionary = dictionary;
        this.document = document;
        this.titleWords = document.titleWords();
        this.textWords = document.textWords();
    }

    MatchExplanation explain(long subscriptionId, int[] program) {
        List<TermMatch> terms = new ArrayList<>();
        for (int pc : positiveTerms(program)) {
            List<Occurrence> occurrences = occurrences(program, pc);
            if (!occurrences.isEmpty()) {
                terms.add(new TermMatch(render(program, pc), occurrences));
            }
        }
        return new MatchExplanation(subscriptionId, terms);
    }

    /** Program counters of the terms under an even number of NOTs, in query order. */
    private static List<Integer> positiveTerms(int[] program) {
        List<Integer> terms = new ArrayList<>();
        List<Boolean> negated = new ArrayList<>();
        IntList rangeStarts = new IntList();
        for (int pc = 0; pc < program.length; pc += Program.width(program, pc)) {
            int code = Program.code(program[pc]);
            if (code == Program.NOT) {
                int from = rangeStarts.get(rangeStarts.size() - 1);
                for (int t = from; t < terms.size(); t++) {
                    negated.set(t, !negated.get(t));
                }
            } else if (code == Program.AND || code == Program.OR) {
                int n = Program.arg(program[pc]);
                int from = rangeStarts.get(rangeStarts.size() - n);
                for (int k = 0; k < n; k++) {
                    rangeStarts.removeLast();
                }
                rangeStarts.add(from);
            } else {
                rangeStarts.add(terms.size());
                terms.add(pc);
                negated.add(false);
            }
        }
        List<Integer> positive = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            if (!negated.get(t)) {
                positive.add(terms.get(t));
            }
        }
        return positive;
    }

    private List<Occurrence> occurrences(int[] program, int pc) {
        int op = program[pc];
        List<Occurrence> out = new ArrayList<>();
        if (Program.code(op) == Program.SOURCE) {
            String source = document.source();
            if (source.toLowerCase(Locale.ROOT).equals(dictionary.word(Program.arg(op)))) {
                out.add(new Occurrence(Field.SOURCE, 0, 0, 0, source.length()));
            }
            return out;
        }
        List<String> words = words(program, pc);
        boolean prefix = Program.code(op) == Program.PREFIX || Program.prefixLast(op);
        find(Field.TITLE, titleWords, words, prefix, out);
        if (!Program.titleOnly(op)) {
            find(Field.TEXT, textWords, words, prefix, out);
        }
        return out;
    }

    private void find(Field field, List<String> fieldWords, List<String> words, boolean prefix, List<Occurrence> out) {
        int last = words.size() - 1;
        for (int start = 0; start + last < fieldWords.size(); start++) {
            int i = 0;
            while (i < last && fieldWords.get(start + i).equals(words.get(i))) {
                i++;
            }
            String candidate = fieldWords.get(start + last);
            if (i == last && (prefix ? candidate.startsWith(words.get(last)) : candidate.equals(words.get(last)))) {
                out.add(occurrence(field, start, words.size()));
            }
        }
    }

    private Occurrence occurrence(Field field, int first, int count) {
        WordSpans spans = field == Field.TITLE ? titleSpans() : textSpans();
        if (spans == null) {
            return new Occurrence(field, first, count, -1, -1);
        }
        return new Occurrence(field, first, count, spans.start(first), spans.end(first + count - 1));
    }

    /** The title's word spans, or null when they do not agree with the document's words. */
    private WordSpans titleSpans() {
        if (titleSpans == null) {
            titleSpans = WordSpans.of(document.title());
            titleSpansAgree = titleSpans.words().equals(titleWords);
        }
        return titleSpansAgree ? titleSpans : null;
    }

    private WordSpans textSpans() {
        if (textSpans == null) {
            textSpans = WordSpans.of(document.text());
            textSpansAgree = textSpans.words().equals(textWords);
        }
        return textSpansAgree ? textSpans : null;
    }

    private List<String> words(int[] program, int pc) {
        int op = program[pc];
        if (Program.code(op) != Program.PHRASE) {
            return List.of(dictionary.word(Program.arg(op)));
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Program.arg(op); i++) {
            words.add(dictionary.word(program[pc + 1 + i]));
        }
        return words;
    }

    /** As the query's normalised form writes a term: {@code title:"a b"}, {@code north-kor*}, {@code source:w}. */
    private String render(int[] program, int pc) {
        int op = program[pc];
        if (Program.code(op) == Program.SOURCE) {
            return "source:" + dictionary.word(Program.arg(op));
        }
        List<String> words = words(program, pc);
        boolean prefix = Program.code(op) == Program.PREFIX || Program.prefixLast(op);
        StringBuilder out = new StringBuilder();
        Query.writeTerm(out, words, prefix, Program.titleOnly(op));
        return out.toString();
    }
}
