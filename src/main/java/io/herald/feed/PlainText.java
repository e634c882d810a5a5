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

    private static boolean isLatin1Like(char c) {
        return (c >= 0x80 && c <= 0xFF) || (c > 0xFF && CP1252_HIGH.indexOf(c) >= 0);
    }

    private static String redecode(String run) {
        byte[] bytes = new byte[run.length()];
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            bytes[i] = c <= 0xFF ? (byte) c : WINDOWS_1252.encode(String.valueOf(c)).get();
        }
        try {
            String decoded = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return decoded.length() < run.length() ? decoded : run;
        } catch (java.nio.charset.CharacterCodingException e) {
            return run;
        }
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
        return markup(html);
    }

    /** The full HTML parse, for text with tags. */
    static String markup(String html) {
        String opened = html.contains("/>") ? SELF_CLOSED_RAW_TEXT.matcher(html).replaceAll("<$1$2></$1>") : html;
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

    private static String lines(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n")) {
            String collapsed = collapse(line);
            if (!collapsed.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(collapsed);
            }
        }
        return out.toString();
    }

    private static String collapse(String s) {
        String t = demoronize(undoDoubleEncoding(s));
        StringBuilder out = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == '\u00a0'
                    || c == '\u200b') {
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
