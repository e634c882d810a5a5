package io.herald.feed;

import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The same rewriting as ROME's {@link XmlFixerReader} (leading whitespace and comments dropped, HTML named
 * entities turned into character references, a bare {@code &} outside CDATA escaped), done in one pass over a
 * string instead of one synchronised call per character. Entity replacements are asked of ROME's reader once
 * per name and remembered. Not thread-safe: one instance per thread.
 */
final class XmlFixer {
    private static final int MAX_REMEMBERED = 4096;
    private final Map<String, String> coded = new HashMap<>();

    /** What {@code XmlFixerReader} would produce for {@code in}. */
    String fix(String in) {
        int n = in.length();
        StringBuilder out = new StringBuilder(n + 64);
        int i = trimmedStart(in, out);
        if (i < 0) {
            return "";
        }
        boolean cdata = false;
        while (i < n) {
            char c = in.charAt(i);
            if (c == '&') {
                i = entity(in, i, cdata, out);
            } else if (c == '<') {
                int end = tagStart(in, i);
                if (in.startsWith("<![CDATA[", i) && end == i + 9) {
                    cdata = true;
                }
                out.append(in, i, end);
                i = end;
            } else if (c == ']' && cdata) {
                int end = cdataEnd(in, i);
                if (end - i == 3 && in.startsWith("]]>", i)) {
                    cdata = false;
                }
                out.append(in, i, end);
                i = end;
            } else {
                int next = nextSpecial(in, i, cdata);
                out.append(in, i, next);
                i = next;
            }
        }
        return out.toString();
    }

    private static int nextSpecial(String in, int from, boolean cdata) {
        for (int j = from; j < in.length(); j++) {
            char c = in.charAt(j);
            if (c == '&' || c == '<' || (c == ']' && cdata)) {
                return j;
            }
        }
        return in.length();
    }

    /** The reader's state 4: after {@code <}, up to and including a space, {@code >}, {@code /} or a {@code [}. */
    private static int tagStart(String in, int lt) {
        int j = lt + 1;
        while (j < in.length()) {
            char c = in.charAt(j++);
            if (c == ' ' || c == '>' || c == '/') {
                return j;
            }
            if (c == '[' && j - lt == 9 && in.startsWith("<![CDATA[", lt)) {
                return j;
            }
        }
        return j;
    }

    /** The reader's state 5: a run of {@code ]} and the character after it. */
    private static int cdataEnd(String in, int start) {
        int j = start + 1;
        while (j < in.length() && in.charAt(j) == ']') {
            j++;
        }
        return Math.min(j + 1, in.length());
    }

    private int entity(String in, int amp, boolean cdata, StringBuilder out) {
        int j = amp + 1;
        while (j < in.length() && isEntityChar(in.charAt(j))) {
            j++;
        }
        if (j < in.length() && in.charAt(j) == ';') {
            if (in.charAt(amp + 1) == '#') {
                out.append(in, amp, j + 1);
            } else {
                String common = common(in, amp + 1, j);
                out.append(common != null ? common : replacement(in.substring(amp, j + 1)));
            }
            return j + 1;
        }
        out.append('&');
        if (!cdata) {
            out.append("amp;");
        }
        int end = Math.min(j + 1, in.length());
        out.append(in, amp + 1, end);
        return end;
    }

    /**
     * What the reader makes of the entities nearly every feed uses, without building a string: character
     * references are kept as they are, the XML entities but {@code &apos;} become character references.
     */
    private static String common(String in, int from, int to) {
        int len = to - from;
        if (len == 3 && in.startsWith("amp", from)) {
            return "&#38;";
        }
        if (len == 2 && in.charAt(from + 1) == 't') {
            return in.charAt(from) == 'l' ? "&#60;" : in.charAt(from) == 'g' ? "&#62;" : null;
        }
        return len == 4 && in.startsWith("quot", from) ? "&#34;" : null;
    }

    private static boolean isEntityChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '#' || c >= '0' && c <= '9';
    }

    private String replacement(String entity) {
        String known = coded.get(entity);
        if (known != null) {
            return known;
        }
        String value = viaRome("a" + entity).substring(1);
        if (coded.size() < MAX_REMEMBERED) {
            coded.put(entity, value);
        }
        return value;
    }

    private static String viaRome(String text) {
        try (XmlFixerReader reader = new XmlFixerReader(new StringReader(text))) {
            StringBuilder out = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0) {
                out.append((char) c);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops leading whitespace and complete leading comments; appends what the reader keeps verbatim of the
     * start (a partial {@code <!-} match) and returns where ordinary reading resumes, or -1 for no content.
     */
    private static int trimmedStart(String in, StringBuilder out) {
        int i = 0;
        int n = in.length();
        while (true) {
            while (i < n && (in.charAt(i) == ' ' || in.charAt(i) == '\n' || in.charAt(i) == '\r'
                    || in.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            if (in.charAt(i) != '<') {
                out.append(in.charAt(i));
                return i + 1;
            }
            int kept = commentPrefix(in, i);
            if (kept > 0) {
                out.append(in, i, i + kept);
                return i + kept;
            }
            i = -kept;
        }
    }

    /**
     * At a {@code <}: a positive count of characters the reader emits verbatim before resuming, or minus the
     * index just past a complete comment it skipped.
     */
    private static int commentPrefix(String in, int lt) {
        int n = in.length();
        int j = lt + 1;
        for (char expected : new char[] {'!', '-', '-'}) {
            if (j >= n) {
                return j - lt;
            }
            if (in.charAt(j++) != expected) {
                return j - lt;
            }
        }
        int state = 4;
        while (j < n) {
            char c = in.charAt(j++);
            if (state == 4) {
                state = c == '-' ? 5 : 4;
            } else if (state == 5) {
                state = c == '-' ? 6 : 4;
            } else if (c == '>') {
                return -j;
            } else {
                state = 4;
            }
        }
        return j - lt;
    }
}
