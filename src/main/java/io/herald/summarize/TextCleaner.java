package io.herald.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what is not article prose from scraped or feed text: boilerplate lines ("Source link", "Read more",
 * "The post ... appeared first on ...", "Share this", image credits) and, when real paragraphs remain, headline-like
 * paragraphs (one short line without a final full stop, such as section labels and related-article links).
 * Paragraphs come out separated by a blank line.
 */
final class TextCleaner {

    static final int MAX_HEADING_WORDS = 16;

    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(?iu)(source link|source|read more|read the full (story|article)|continue reading|click here.*"
                    + "|share this( article| story| post)?|share( on| via) .*|advertisement|related:?"
                    + "|(photo|image|picture|video)( credit)?s?: .*|\\((photo|image|picture)( credit)?: .*\\)"
                    + "|the post .+ appeared first on .+)"
                    + "[\\s.:…»→>\\-]*");
    private static final Pattern INLINE_BOILERPLATE = Pattern.compile(
            "(?iu)(\\s*\\((photo|image|picture)( credit)?: [^)]*\\)"
                    + "|\\s*the post .{1,300}? appeared first on [^\\n]*?(\\.|$)"
                    + "|\\s*\\[(…|\\.\\.\\.)\\]"
                    + "|(?<=[.!?…\"”])\\s*(continue reading|read more)\\s*(…|\\.\\.\\.|»|→)?\\s*$"
                    + "|\\s*(continue reading|read more)\\s*(…|\\.\\.\\.|»|→)\\s*$)",
            Pattern.MULTILINE);
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF]");
    private static final String FINAL_MARKS = ".!?…。！？";
    private static final String CLOSERS = "\"'”’»)]";

    private TextCleaner() {
    }

    static String clean(String text) {
        String normalised = INVISIBLE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        normalised = SPACES.matcher(normalised).replaceAll(" ");
        normalised = INLINE_BOILERPLATE.matcher(normalised).replaceAll("");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : normalised.split("\n\\s*\n")) {
            String kept = withoutBoilerplateLines(paragraph);
            if (!kept.isEmpty()) {
                paragraphs.add(kept);
            }
        }
        List<String> prose = paragraphs.stream().filter(p -> !isHeading(p)).toList();
        return String.join("\n\n", prose.isEmpty() ? paragraphs : prose);
    }

    private static String withoutBoilerplateLines(String paragraph) {
        List<String> lines = new ArrayList<>();
        for (String line : paragraph.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !BOILERPLATE_LINE.matcher(stripped).matches()) {
                lines.add(stripped);
            }
        }
        return String.join("\n", lines);
    }

    /** One short line that does not end like a sentence: a headline, section label or related link. */
    static boolean isHeading(String paragraph) {
        if (paragraph.contains("\n")) {
            return false;
        }
        int end = paragraph.length();
        while (end > 0 && CLOSERS.indexOf(paragraph.charAt(end - 1)) >= 0) {
            end--;
        }
        boolean endsLikeSentence = end > 0 && FINAL_MARKS.indexOf(paragraph.charAt(end - 1)) >= 0;
        return !endsLikeSentence && paragraph.split("\\s+").length <= MAX_HEADING_WORDS;
    }
}
