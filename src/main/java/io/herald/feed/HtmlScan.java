package io.herald.feed;

import java.util.Arrays;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * The text of the well-behaved HTML that most feed descriptions carry, read in one pass without building a tree:
 * the same result as jsoup's full parse in {@link PlainText#markup}, at a fraction of its cost.
 *
 * <p>It reads only what it can read exactly as the HTML parser would: a known set of inline and block elements,
 * properly nested (with the implied closes of {@code p}, {@code li}, {@code dd} and {@code dt} that the parser
 * makes), regular tables (with the sections, rows and cell closes the parser implies), scripts and styles (skipped),
 * comments, character references, and a stray {@code <} in text. Anything else (text or other elements straight
 * inside a table, forms, frames, unknown tags, misnested formatting, odd attribute syntax, a NUL) gives
 * {@code null}, and the caller falls back to the full parse. Blocks, rows and tables mark a line break with
 * {@code '\n'}, a cell starts with a space; newlines inside text become spaces. {@code HtmlScanTest} holds it to
 * the full parse on random markup and on every text of the feed corpus.
 */
final class HtmlScan {
    /** Elements whose start and end mark a line break (what {@link PlainText} treats as blocks, less table parts). */
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
            "figure", "figcaption", "hr", "aside", "nav", "address");
    /** Inline elements the parser places as written when properly nested. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike",
            "strong", "sub", "sup", "time", "tt", "u", "var", "img", "wbr");
    /** Elements whose content is raw text that the reader never sees. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "wbr");
    /** Start tags before which the parser closes an open {@code p}. */
    private static final Set<String> CLOSES_P = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer", "figure",
            "figcaption", "hr", "aside", "nav", "address", "table");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Table structure: read when it is regular (no text or other elements straight inside table rows). */
    private static final Set<String> TABLE = Set.of("table", "tbody", "thead", "tfoot", "tr", "td", "th");
    private static final Set<String> SECTIONS = Set.of("tbody", "thead", "tfoot");
    private static final Set<String> CELLS = Set.of("td", "th");
    /** Of the known elements, those the HTML parser calls special: blocks and table parts, no inline one. */
    private static final Set<String> SPECIAL = union(BLOCKS, TABLE);
    /** Elements the parser closes by itself when an enclosing element ends. */
    private static final Set<String> IMPLIED_END = Set.of("p", "li", "dd", "dt");

    /** Every element name the scan reads. */
    private static final Set<String> KNOWN = union(BLOCKS, INLINE, RAW_TEXT, TABLE);

    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMED =
            new java.util.concurrent.ConcurrentHashMap<>();

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /**
     * Deeper nesting is left to the parser, which searches only so far down its open elements: within this depth
     * both see every open element, and no start tag costs more than this many steps.
     */
    private static final int MAX_DEPTH = 64;

    private final String in;
    private final int n;
    private final StringBuilder out;
    private String[] open = new String[16];
    private int depth;

    private HtmlScan(String in) {
        this.in = in;
        this.n = in.length();
        this.out = new StringBuilder(n);
    }

    /** The text with {@code '\n'} at block boundaries, or {@code null} when the full parse is needed. */
    static String text(String html) {
        if (html.indexOf('\0') >= 0 || PlainText.opensSelfClosedRawText(html)) {
            return null;
        }
        return new HtmlScan(html).scan();
    }

    private String scan() {
        int text = 0;
        int i = 0;
        while (true) {
            int lt = in.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (lt + 1 < n && isMarkupStart(in.charAt(lt + 1))) {
                if (!appendText(text, lt)) {
                    return null;
                }
                i = markup(lt);
                if (i < 0) {
                    return null;
                }
                text = i;
            } else {
                i = lt + 1;
            }
        }
        return appendText(text, n) ? out.toString() : null;
    }

    private static boolean isMarkupStart(char c) {
        return isAsciiLetter(c) || c == '/' || c == '!' || c == '?';
    }

    /** At a {@code <} that starts markup: the index just past it, or -1 to give up. */
    private int markup(int lt) {
        char next = in.charAt(lt + 1);
        if (next == '!') {
            return comment(lt);
        }
        if (next == '?') {
            return -1;
        }
        boolean end = next == '/';
        int nameStart = end ? lt + 2 : lt + 1;
        int j = nameStart;
        while (j < n && isAsciiLetterOrDigit(in.charAt(j))) {
            j++;
        }
        if (j == nameStart || !isAsciiLetter(in.charAt(nameStart)) || j >= n) {
            return -1;
        }
        char after = in.charAt(j);
        if (after != '>' && after != '/' && !isSpace(after)) {
            return -1;
        }
        String name = known(in.substring(nameStart, j));
        int close = attributes(j);
        if (close < 0 || name == null || depth >= MAX_DEPTH) {
            return -1;
        }
        if (RAW_TEXT.contains(name)) {
            boolean plainTag = !end && in.charAt(close - 2) != '/' && in.indexOf('>', lt) == close - 1;
            return plainTag ? skipRawText(name, close) : -1;
        }
        boolean ok;
        if (TABLE.contains(name) || inTableContext()) {
            ok = end ? tableEnd(name) : tableStart(name);
        } else {
            ok = end ? endTag(name) : startTag(name);
        }
        return ok ? close : -1;
    }

    /** The lower-case name of an element the scan knows, or null. */
    private static String known(String name) {
        if (KNOWN.contains(name)) {
            return name;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !lower.equals(name) && KNOWN.contains(lower) ? lower : null;
    }

    /**
     * A script or style element, whose content is never text: the index after its end tag, or -1 when the
     * content could be read another way (a script with {@code <!--} in it, another end tag before its own, no end
     * tag).
     */
    private int skipRawText(String name, int from) {
        int lt = in.indexOf("</", from);
        int after = lt + 2 + name.length();
        if (lt < 0 || after >= n || !in.regionMatches(true, lt + 2, name, 0, name.length())) {
            return -1;
        }
        char c = in.charAt(after);
        if (!isSpace(c) && c != '/' && c != '>'
                || name.equals("script") && in.substring(from, lt).contains("<!--")) {
            return -1;
        }
        return attributes(after);
    }

    private boolean startTag(String name) {
        if (CLOSES_P.contains(name) && contains("p")) {
            if (!top().equals("p")) {
                return false;
            }
            pop();
        }
        if ((name.equals("li") || name.equals("dd") || name.equals("dt")) && !closeListItem(name)) {
            return false;
        }
        if (HEADINGS.contains(name) && HEADINGS.contains(top())) {
            return false;
        }
        if (name.equals("a") && contains("a")) {
            return false;
        }
        if (BLOCKS.contains(name) || name.equals("table")) {
            out.append('\n');
        }
        if (!VOID.contains(name)) {
            push(name);
        }
        return true;
    }

    /**
     * The parser's list-item rule: walking down the open elements, an open item of the same kind is closed, and
     * the walk stops at other structure ({@code ul} of a nested list). False when the item to close is not on top.
     */
    private boolean closeListItem(String name) {
        for (int k = depth - 1; k >= 0; k--) {
            String e = open[k];
            boolean same = name.equals("li") ? e.equals("li") : e.equals("dd") || e.equals("dt");
            if (same) {
                if (k != depth - 1) {
                    return false;
                }
                pop();
                return true;
            }
            if (SPECIAL.contains(e) && !e.equals("address") && !e.equals("div") && !e.equals("p")) {
                return true;
            }
        }
        return true;
    }

    private boolean endTag(String name) {
        if (name.equals("br")) {
            out.append('\n');
            return true;
        }
        int at = HEADINGS.contains(name) ? lastHeading() : lastIndexOf(name);
        if (at < 0) {
            if (name.equals("p")) {
                out.append('\n');
            }
            return true;
        }
        if (!open[at].equals(name)) {
            return false;
        }
        for (int k = depth - 1; k > at; k--) {
            if (!IMPLIED_END.contains(open[k]) || !BLOCKS.contains(name)) {
                return false;
            }
        }
        depth = at;
        if (BLOCKS.contains(name)) {
            out.append('\n');
        }
        return true;
    }

    private int lastHeading() {
        for (int k = depth - 1; k >= 0 && !TABLE.contains(open[k]); k--) {
            if (HEADINGS.contains(open[k])) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A table part's start tag, as the parser's table modes place it: rows and sections it implies are added
     * (an implied row still breaks the line), a new cell or row closes the open one. False for what only those
     * modes' error handling could place (a table straight inside a table, content straight inside a row).
     */
    private boolean tableStart(String name) {
        int part = lastTablePart();
        if (part >= 0 && CELLS.contains(open[part]) && !name.equals("table")) {
            if (!TABLE.contains(name)) {
                return startTag(name);
            }
            popTo(part);
        }
        if (!inTableContext()) {
            return !name.equals("table") || startTag(name);
        }
        if (top().equals("table")) {
            if (SECTIONS.contains(name)) {
                push(name);
                return true;
            }
            if (!name.equals("tr") && !CELLS.contains(name)) {
                return false;
            }
            push("tbody");
        }
        if (top().equals("tr")) {
            if (CELLS.contains(name)) {
                out.append(' ');
                push(name);
                return true;
            }
            if (!name.equals("tr") && !SECTIONS.contains(name)) {
                return false;
            }
            pop();
        }
        if (SECTIONS.contains(name)) {
            depth--;
            push(name);
            return true;
        }
        if (name.equals("tr") || CELLS.contains(name)) {
            out.append('\n');
            push("tr");
            if (CELLS.contains(name)) {
                out.append(' ');
                push(name);
            }
            return true;
        }
        return false;
    }

    /** A table part's end tag (or another end tag straight inside a table, which needs the parser). */
    private boolean tableEnd(String name) {
        if (!TABLE.contains(name)) {
            return false;
        }
        int part = lastTablePart();
        if (part < 0) {
            return true;
        }
        if (CELLS.contains(open[part])) {
            if (CELLS.contains(name) && !open[part].equals(name)) {
                return false;
            }
            if (!CELLS.contains(name) && indexOfTablePart(name, part) < 0) {
                return true;
            }
            popTo(part);
            if (CELLS.contains(name)) {
                return true;
            }
        }
        if (CELLS.contains(name)) {
            return true;
        }
        int target = indexOfTablePart(name, depth);
        if (target < 0) {
            return true;
        }
        while (depth > target) {
            pop();
        }
        if (name.equals("table")) {
            out.append('\n');
        }
        return true;
    }

    /** Where {@code name} is open in the current table (below {@code below}), or -1. */
    private int indexOfTablePart(String name, int below) {
        for (int k = below - 1; k >= 0; k--) {
            if (open[k].equals(name)) {
                return k;
            }
            if (open[k].equals("table")) {
                return -1;
            }
        }
        return -1;
    }

    /** Closes everything down to and including the element at {@code index}; blocks among them end a line. */
    private void popTo(int index) {
        boolean block = false;
        for (int k = depth - 1; k >= index; k--) {
            block |= BLOCKS.contains(open[k]) || open[k].equals("table") || open[k].equals("tr");
        }
        depth = index;
        if (block) {
            out.append('\n');
        }
    }

    /** After a tag name: its attributes up to and including {@code >}; -1 for anything unusual. */
    private int attributes(int from) {
        int j = from;
        while (j < n) {
            char c = in.charAt(j);
            if (isSpace(c)) {
                j++;
            } else if (c == '>') {
                return j + 1;
            } else if (c == '/') {
                j++;
                if (j < n && in.charAt(j) == '>') {
                    return j + 1;
                }
            } else {
                j = attribute(j);
                if (j < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** One attribute (name, optional value): the index after it, or -1. */
    private int attribute(int from) {
        int j = from;
        while (j < n) {
            char c = in.charAt(j);
            if (isSpace(c) || c == '/' || c == '>' || c == '=') {
                break;
            }
            if (c == '"' || c == '\'' || c == '<') {
                return -1;
            }
            j++;
        }
        if (j == from) {
            return -1;
        }
        int k = skipSpace(j);
        if (k >= n || in.charAt(k) != '=') {
            return j;
        }
        k = skipSpace(k + 1);
        if (k >= n) {
            return -1;
        }
        char q = in.charAt(k);
        if (q == '"' || q == '\'') {
            int close = in.indexOf(q, k + 1);
            return close < 0 ? -1 : close + 1;
        }
        int v = k;
        while (v < n) {
            char c = in.charAt(v);
            if (isSpace(c) || c == '>') {
                break;
            }
            if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
                return -1;
            }
            v++;
        }
        return v == k ? -1 : v;
    }

    /** {@code <!-- ... -->}: the index after it, or -1 for any other {@code <!} or an unusual comment. */
    private int comment(int lt) {
        if (!in.startsWith("<!--", lt)) {
            return -1;
        }
        int body = lt + 4;
        if (in.startsWith(">", body) || in.startsWith("->", body)) {
            return -1;
        }
        int close = in.indexOf("-->", body);
        if (close < 0) {
            return -1;
        }
        if (in.substring(body, Math.min(n, close + 3)).contains("--!>")) {
            return -1;
        }
        return close + 3;
    }

    /** Appends {@code in[from, to)} as text with character references decoded; false when it needs the parser. */
    private boolean appendText(int from, int to) {
        if (inTableContext()) {
            for (int k = from; k < to; k++) {
                if (!isSpace(in.charAt(k))) {
                    return false;
                }
            }
        }
        int i = from;
        while (i < to) {
            int amp = in.indexOf('&', i);
            int stop = amp < 0 || amp >= to ? to : amp;
            appendPlain(i, stop);
            if (stop == to) {
                return true;
            }
            int after = reference(amp, to);
            if (after < 0) {
                String decoded = Parser.unescapeEntities(in.substring(amp, to), false);
                if (decoded.indexOf('\0') >= 0) {
                    return false;
                }
                appendDecoded(decoded);
                return true;
            }
            i = after;
        }
        return true;
    }

    private void appendPlain(int from, int to) {
        int k = from;
        while (k < to) {
            int nl = in.indexOf('\n', k);
            if (nl < 0 || nl >= to) {
                out.append(in, k, to);
                return;
            }
            out.append(in, k, nl).append(' ');
            k = nl + 1;
        }
    }

    private void appendDecoded(String s) {
        out.append(s.replace('\n', ' '));
    }

    /**
     * A common character reference at {@code amp} ({@code &name;} for a known name, {@code &#N;} or {@code &#xH;}
     * for an ordinary character) appended decoded: the index after it, or -1 when the parser's rules are needed.
     */
    private int reference(int amp, int to) {
        int j = amp + 1;
        if (j < to && in.charAt(j) == '#') {
            return numeric(j + 1, to);
        }
        while (j < to && isAsciiLetter(in.charAt(j))) {
            j++;
        }
        while (j < to && isAsciiDigit(in.charAt(j))) {
            j++;
        }
        if (j == amp + 1 || j >= to || in.charAt(j) != ';') {
            return -1;
        }
        String value = named(in.substring(amp + 1, j));
        if (value == null) {
            return -1;
        }
        out.append(value);
        return j + 1;
    }

    /** The characters of a named reference, or null for an unknown name; remembered (the names are a fixed set). */
    private static String named(String name) {
        String known = NAMED.get(name);
        if (known != null) {
            return known;
        }
        if (!Entities.isNamedEntity(name)) {
            return null;
        }
        String value = Entities.getByName(name).replace('\n', ' ');
        NAMED.put(name, value);
        return value;
    }

    private int numeric(int from, int to) {
        boolean hex = from < to && in.charAt(from) == 'x';
        int j = hex ? from + 1 : from;
        int start = j;
        int value = 0;
        while (j < to && j - start < 7) {
            int d = Character.digit(in.charAt(j), hex ? 16 : 10);
            if (d < 0 || !isAsciiLetterOrDigit(in.charAt(j))) {
                break;
            }
            value = value * (hex ? 16 : 10) + d;
            j++;
        }
        if (j == start || j >= to || in.charAt(j) != ';' || !ordinary(value)) {
            return -1;
        }
        out.appendCodePoint(value == '\n' ? ' ' : value);
        return j + 1;
    }

    /** Code points the parser decodes as themselves, with no replacement or error handling. */
    private static boolean ordinary(int cp) {
        return cp == '\t' || cp == '\n' || (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp < 0xd800)
                || (cp >= 0xe000 && cp < 0xfdd0) || (cp > 0xfdef && cp < 0xfffe)
                || (cp >= 0x10000 && cp <= 0x10ffff && (cp & 0xfffe) != 0xfffe);
    }

    private int skipSpace(int from) {
        int j = from;
        while (j < n && isSpace(in.charAt(j))) {
            j++;
        }
        return j;
    }

    private boolean contains(String name) {
        return lastIndexOf(name) >= 0;
    }

    /** The nearest open element of that name inside the current table cell (the parser's scope), or -1. */
    private int lastIndexOf(String name) {
        for (int k = depth - 1; k >= 0 && !TABLE.contains(open[k]); k--) {
            if (open[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** The nearest open table part, or -1 outside tables. */
    private int lastTablePart() {
        for (int k = depth - 1; k >= 0; k--) {
            if (TABLE.contains(open[k])) {
                return k;
            }
        }
        return -1;
    }

    /** True when the current node is a table, section or row: only table parts and whitespace may follow. */
    private boolean inTableContext() {
        return depth > 0 && TABLE.contains(top()) && !CELLS.contains(top());
    }

    private String top() {
        return depth == 0 ? "" : open[depth - 1];
    }

    private void pop() {
        depth--;
        out.append('\n');
    }

    private void push(String name) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = name;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }
}
