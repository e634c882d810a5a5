package io.herald.deliver;

import java.util.Random;

/** Hostile random text for fuzz tests: markup, entities, emoji, RTL, combining marks, controls, lone surrogates. */
final class RandomText {

    private static final String[] PIECES = {
        "<", ">", "&", "&amp;", "&lt;", "&#60;", "&nbsp;", "\"", "'", "*", "_", "~", "`", "|", "<b>", "</b>",
        "<a href=\"x\">", "</a>", "<script>", "]]>", "\\", "\n", "\r\n", "\t", " ", "  ", ". ", "! ", "? ", "…",
        "😀", "👨‍👩‍👧", "🇺🇦", "🏽", "\uD83D", "\uDE00", "\u0000", "\u0007", "\u001b[31m", "\u202E", "\u2066",
        "\u200B", "\uFEFF", "e\u0301", "a\u0308\u0323", "\u0338", "خبر عاجل", "עברית", "東京", "ไทย", "Zürich",
        "Korea", "korea", "KURSK", "north", "U.S.", "Mr.", "3.5", "word", "Word", "http://x.y/", "%", ":tada:"};

    private RandomText() {
    }

    /** Up to {@code max} characters of random pieces. */
    static String of(Random random, int max) {
        int target = random.nextInt(4) == 0 ? max : random.nextInt(max / 10 + 1);
        StringBuilder out = new StringBuilder();
        while (out.length() < target) {
            if (random.nextInt(5) == 0) {
                out.appendCodePoint(randomCodePoint(random));
            } else {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.length() > max ? out.substring(0, max) : out.toString();
    }

    /** Random text with sentence ends sprinkled in. */
    static String sentences(Random random, int max) {
        StringBuilder out = new StringBuilder();
        String body = of(random, max);
        for (int i = 0; i < body.length(); i++) {
            out.append(body.charAt(i));
            if (random.nextInt(60) == 0) {
                out.append(". ");
            }
        }
        return out.length() > max ? out.substring(0, max) : out.toString();
    }

    static String word(Random random) {
        String[] words = {"korea", "kursk", "north", "word", "zurich", "東", "e", "a"};
        return words[random.nextInt(words.length)];
    }

    private static int randomCodePoint(Random random) {
        while (true) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x1FFFF) : random.nextInt(0x3000);
            if (Character.isDefined(cp)) {
                return cp;
            }
        }
    }
}
