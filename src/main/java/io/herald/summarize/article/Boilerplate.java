package io.herald.summarize.article;

import java.util.regex.Pattern;

/** Paragraphs and phrases of article pages that are not the story: source links, share prompts, credits. */
final class Boilerplate {
    private static final Pattern WHOLE = Pattern.compile(
            "(?iu)(source link|source|read more|read the full (story|article)|continue reading|click here.*"
                    + "|share (this|the) (article|story|post|page).*|share( on| via| with)\\b.{0,40}|share( this)?"
                    + "|advertisement|sponsored( content)?|related( articles| stories| coverage| content)?:?.*"
                    + "|(photo|image|picture|video|illustration)( credit)?s?( by)?: .*|credit: .*|getty images"
                    + "|follow us on .*|sign up (for|to) .*|subscribe (to|for) .*|(copyright|©) .*"
                    + "|all rights reserved.*|the post .+ appeared first on .+|this (article|story) (was )?"
                    + "(originally )?(appeared|published) (first )?on .+)"
                    + "[\\s.:…»→>\\-]*");
    private static final Pattern INLINE = Pattern.compile(
            "(?iu)\\s*\\((photo|image|picture)( credit)?: [^)]*\\)|\\s*the post .{1,300}? appeared first on .*$"
                    + "|\\s*(continue reading|read more)\\s*(…|\\.\\.\\.|»|→)\\s*$");

    private Boilerplate() {
    }

    /** The paragraph without inline boilerplate, or empty when the whole paragraph is boilerplate. */
    static String strip(String paragraph) {
        String text = INLINE.matcher(paragraph).replaceAll("").strip();
        return WHOLE.matcher(text).matches() ? "" : text;
    }
}
