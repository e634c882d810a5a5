package io.herald.feed;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns feed text (HTML or plain) into clean plain text: no tags, entities decoded, whitespace collapsed. */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "section", "article",
            "header", "footer", "figure", "figcaption", "hr", "aside", "nav", "address");

    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    /** Elements whose raw content is fallback text shown to readers (unlike script and style). */
    private static final Set<String> FALLBACK_TEXT = Set.of("iframe", "noembed", "noframes", "noscript", "xmp");

    /** {@code <iframe/>} is not self-closing in HTML and would swallow the rest of the text. */
    private static final java.util.regex.Pattern SELF_CLOSED_RAW_TEXT = java.util.regex.Pattern.compile(
            "(?i)<(iframe|noembed|noframes|xmp|textarea|title|style|script|noscript)(\\b[^>]*?)/>");

    private PlainText() {
    }

    /**
     * UTF-8 that was read as Latin-1/windows-1252 and encoded again ({@code â€¦} for {@code …}): a run of such
     * characters whose windows-1252 bytes form valid multi-byte UTF-8 is replaced by what those bytes say.
     */
    static String undoDoubleEncoding(String s) {
        if (!hasUtf8LeadLike(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && isLatin1Like(s.charAt(end))) {
                end++;
            }
            if (end - i >= 2) {
                out.append(redecode(s.substring(i, end)));
                i = end;
            } else {
                out.append(s.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean hasUtf8LeadLike(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xC2 && c <= 0xF4) {
                return true;
            }
        }
        return false;
    }

    /** The characters windows-1252 puts at 0x80..0x9F. */
    private static final String CP1252_HIGH = new String(new byte[] {(byte) 0x80, (byte) 0x82, (byte) 0x83,
            (byte) 0x84, (byte) 0x85, (byte) 0x86, (byte) 0x87, (byte) 0x88, (byte) 0x89, (byte) 0x8A, (byte) 0x8B,
            (byte) 0x8C, (byte) 0x8E, (byte) 0x91, (byte) 0x92, (byte) 0x93, (byte) 0x94, (byte) 0x95, (byte) 0x96,
            (byte) 0x97, (byte) 0x98, (byte) 0x99, (byte) 0x9A, (byte) 0x9B, (byte) 0x9C, (byte) 0x9E, (byte) 0x9F},
            java.nio.charset.Charset.forName("windows-1252"));

    /** What windows-1252 makes of a byte above 0x7F: a Latin-1 letter or symbol, or one of its 0x80..0x9F marks. */
    static boolean isLatin1Like(char c) {
        return (c >= 0x80 && c <= 0xFF) || (c > 0xFF && CP1252_HIGH.indexOf(c) >= 0);
    }

    private static String redecode(String run) {
        byte[] bytes = new byte[run.length()];
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            bytes[i] = c <= 0xFF ? (byte) c : (byte) (0x80 + CP1252_HIGH_BYTES.indexOf(c));
        }
        if (!isUtf8(bytes)) {
            return run;
        }
        String decoded = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return decoded.length() < run.length() ? decoded : run;
    }

    /** Bytes {@code 0x80..0x9F} at the index of the character windows-1252 gives them ({@code U+FFFD} if none). */
    private static final String CP1252_HIGH_BYTES = new String(java.util.stream.IntStream.range(0x80, 0xA0)
            .map(b -> new String(new byte[] {(byte) b}, java.nio.charset.Charset.forName("windows-1252")).charAt(0))
            .toArray(), 0, 0x20);

    /** Well-formed UTF-8 throughout (shortest forms, no surrogates, nothing above U+10FFFF). */
    private static boolean isUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > b.length) {
                return false;
            }
            for (int k = 1; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            int second = b[i + 1 < b.length ? i + 1 : i] & 0xff;
            if (c == 0xE0 && second < 0xA0 || c == 0xED && second > 0x9F || c == 0xF0 && second < 0x90
                    || c == 0xF4 && second > 0x8F) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /** C1 control characters (U+0080..U+009F) in feeds are windows-1252 punctuation given as code points. */
    static String demoronize(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                out.append(mapped.charAt(0) == '\ufffd' ? "" : mapped);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** One line: for titles, names and labels. */
    static String line(String html) {
        return collapse(text(html).replace('\n', ' '));
    }

    /** Paragraphs and line breaks kept as single newlines; for summaries and content. */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0) {
            String decoded = html.indexOf('&') < 0 ? html : Parser.unescapeEntities(html, false);
            return lines(decoded.replace('\n', ' '));
        }
        String markup = strayDeclarationsAsText(html);
        String scanned = HtmlScan.text(markup);
        return scanned != null ? lines(scanned) : markup(markup);
    }

    /**
     * A {@code <!} that opens no comment, no CDATA section and no declaration that ever closes ({@code <!' <a>},
     * {@code <!DOCTYPE ~} at the end) is text, as SGML and feedparser read it: a browser would hide everything up to
     * the next {@code >}, or to the end, as a bogus comment, and the words would be lost.
     */
    static String strayDeclarationsAsText(String html) {
        int at = html.indexOf("<!");
        if (at < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 8);
        int from = 0;
        for (; at >= 0; at = html.indexOf("<!", at + 2)) {
            if (isStray(html, at + 2)) {
                out.append(html, from, at).append("&lt;");
                from = at + 1;
            }
        }
        return from == 0 ? html : out.append(html, from, html.length()).toString();
    }

    private static boolean isStray(String html, int next) {
        if (next >= html.length()) {
            return true;
        }
        char c = html.charAt(next);
        if (c == '-' || c == '[' || c == '>') {
            return false;
        }
        return !Character.isLetter(c) || html.indexOf('>', next) < 0;
    }

    /** True when {@link #markup} rewrites a self-closed raw-text element ({@code <script/>}) before parsing. */
    static boolean opensSelfClosedRawText(String html) {
        return html.contains("/>") && namesRawText(html) && SELF_CLOSED_RAW_TEXT.matcher(html).find();
    }

    private static final String[] RAW_TEXT_NAMES = {"iframe", "noembed", "noframes", "xmp", "textarea", "title",
        "style", "script", "noscript"};

    /** A quick look for {@code <} and a raw-text element name (any letter case) before the full pattern. */
    private static boolean namesRawText(String html) {
        for (int lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
            for (String name : RAW_TEXT_NAMES) {
                if (html.regionMatches(true, lt + 1, name, 0, name.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The full HTML parse, for text with tags that {@link HtmlScan} leaves to the parser. */
    static String markup(String html) {
        String opened = opensSelfClosedRawText(html)
                ? SELF_CLOSED_RAW_TEXT.matcher(html).replaceAll("<$1$2></$1>") : html;
        Element body = Jsoup.parseBodyFragment(opened).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replace('\n', ' '));
                } else if (node instanceof DataNode data && node.parent() instanceof Element parent
                        && FALLBACK_TEXT.contains(parent.normalName())) {
                    out.append(' ').append(Jsoup.parseBodyFragment(data.getWholeData()).text()).append(' ');
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                } else if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
                    out.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        }, body);
        return lines(out.toString());
    }

    /** Plain text that is not HTML: only whitespace is normalised (line breaks kept). */
    static String literal(String text) {
        return text == null ? "" : lines(text);
    }

    /** Each line whitespace-collapsed and trimmed, empty lines dropped: one pass over the repaired text. */
    private static String lines(String raw) {
        String t = repaired(raw);
        StringBuilder out = new StringBuilder(t.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                newline = out.length() > 0;
                space = false;
            } else if (isSpace(c)) {
                space = out.length() > 0 && !newline;
            } else {
                if (newline) {
                    out.append('\n');
                } else if (space) {
                    out.append(' ');
                }
                newline = false;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@link #undoDoubleEncoding} then {@link #demoronize}, after one look for the only characters either acts on
     * (U+0080..U+00F4: C1 controls and UTF-8 lead bytes read as Latin-1).
     */
    private static String repaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0xF4) {
                return demoronize(undoDoubleEncoding(s));
            }
        }
        return s;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B || c == '\u00a0' || c == '\u200b';
    }

    private static String collapse(String s) {
        String t = repaired(s);
        StringBuilder out = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
