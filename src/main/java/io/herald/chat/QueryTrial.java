package io.herald.chat;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.model.Item;
import io.herald.store.RecentStories;
import io.herald.summarize.FocusTerms;
import io.herald.summarize.Highlighter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries a query on the newest stories Herald has seen, saving nothing: {@code /test} and the preview in
 * {@code /subscribe}'s answer. Each match shows its title with the matched words standing out, its feed and its
 * link; when the words matched only in the story's text, a short excerpt around the first one follows the title.
 */
final class QueryTrial {
    private static final int EXCERPT_CHARS = 90;

    private final RecentStories stories;

    QueryTrial(RecentStories stories) {
        this.stories = stories;
    }

    /** Which of the newest stories would have matched; lists at most {@code show} of them, newest first. */
    Reply matches(Query query, int show) {
        List<Item> recent = stories.latest(RecentStories.KEPT);
        List<Reply> shown = new ArrayList<>();
        int total = 0;
        for (Item story : recent) {
            Document document = new Document(story.title(), story.summary(), story.feedId());
            if (!query.matches(document)) {
                continue;
            }
            total++;
            if (shown.size() < show) {
                shown.add(describe(story, FocusTerms.of(query.explain(document))));
            }
        }
        return Replies.wouldHaveMatched(recent.size(), total, shown);
    }

    private static Reply describe(Item story, FocusTerms terms) {
        String title = story.title().isBlank() ? "(untitled)" : story.title();
        List<Highlighter.Span> inTitle = Highlighter.spans(title, terms);
        Reply shown = highlighted(title, inTitle);
        if (inTitle.isEmpty()) {
            List<Highlighter.Span> inText = Highlighter.spans(story.summary(), terms);
            if (!inText.isEmpty()) {
                shown = shown.then(Reply.of(": ")).then(excerpt(story.summary(), inText));
            }
        }
        return Replies.story(shown, story.feedId(), story.link());
    }

    /** Up to {@value #EXCERPT_CHARS} characters of the text around the first matched word, matches standing out. */
    private static Reply excerpt(String text, List<Highlighter.Span> spans) {
        int first = spans.get(0).start();
        int from = Math.max(0, first - EXCERPT_CHARS / 3);
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = Math.min(text.length(), from + EXCERPT_CHARS);
        while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && to - from < EXCERPT_CHARS + 30) {
            to++;
        }
        List<Highlighter.Span> inside = new ArrayList<>();
        for (Highlighter.Span s : spans) {
            if (s.start() >= from && s.end() <= to) {
                inside.add(new Highlighter.Span(s.start() - from, s.end() - from));
            }
        }
        Reply body = highlighted(text.substring(from, to), inside);
        return Reply.of(from > 0 ? "…" : "").then(body).then(Reply.of(to < text.length() ? "…" : ""));
    }

    private static Reply highlighted(String text, List<Highlighter.Span> spans) {
        List<Reply.Part> parts = new ArrayList<>();
        int at = 0;
        for (Highlighter.Span s : spans) {
            if (s.start() > at) {
                parts.add(new Reply.Text(text.substring(at, s.start())));
            }
            parts.add(Reply.strong(text.substring(s.start(), s.end())));
            at = s.end();
        }
        if (at < text.length()) {
            parts.add(new Reply.Text(text.substring(at)));
        }
        return Reply.parts(parts);
    }
}
