package io.herald.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing Herald says in chat, as a value: a sequence of parts that each platform renders in its own words
 * ({@link ReplyFormat}). The wording lives in {@link Replies}; escaping and the way a command is written
 * ({@code /subscribe} in Telegram, {@code /herald subscribe} in Slack) live in the formats.
 *
 * <p>Build one with {@link #of(String, Object...)}: in the template, {@code {}} takes the next argument and a
 * {@code /word} written in the template is a command the user can type. Arguments are never read as commands; an
 * argument that is a {@link Part} ({@link #code}, {@link #strong}, {@link #link}) keeps its kind, anything else
 * is plain text.
 */
public final class Reply {
    private static final Pattern COMMAND = Pattern.compile("(?<![\\p{L}\\p{N}/:.@_])/([a-z]+)(?![\\p{L}\\p{N}/])");

    /** A piece of a reply. */
    public sealed interface Part permits Text, Command, Code, Strong, Link {
    }

    /** Plain text, shown as written. */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A command the user can type, e.g. {@code list}: {@code /list} in Telegram, {@code /herald list} in Slack. */
    public record Command(String name) implements Part {
        public Command {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Text shown as typed, in a monospace font where the platform has one (a query). */
    public record Code(String text) implements Part {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Text that stands out (a matched word). */
    public record Strong(String text) implements Part {
        public Strong {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A link with its label. */
    public record Link(String url, String label) implements Part {
        public Link {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(label, "label");
        }
    }

    private final List<Part> parts;

    private Reply(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The parts, in order. */
    public List<Part> parts() {
        return parts;
    }

    /**
     * A reply from a template: {@code {}} takes the next argument; {@code /word} in the template is a command.
     *
     * @throws IllegalArgumentException when the number of {@code {}} and arguments differ
     */
    public static Reply of(String template, Object... args) {
        List<Part> parts = new ArrayList<>();
        String[] pieces = template.split("\\{}", -1);
        if (pieces.length - 1 != args.length) {
            throw new IllegalArgumentException("template has " + (pieces.length - 1) + " places for " + args.length
                    + " arguments: " + template);
        }
        for (int i = 0; i < pieces.length; i++) {
            addTemplateText(parts, pieces[i]);
            if (i < args.length) {
                parts.add(args[i] instanceof Part p ? p : new Text(String.valueOf(args[i])));
            }
        }
        return new Reply(parts);
    }

    /**
     * Text written elsewhere (for example a reply that is still a plain string), read like a template without
     * arguments: its {@code /word}s become commands.
     */
    public static Reply text(String text) {
        List<Part> parts = new ArrayList<>();
        addTemplateText(parts, text);
        return new Reply(parts);
    }

    /** A reply made of the given parts, in order. */
    public static Reply parts(List<Part> parts) {
        return new Reply(parts);
    }

    /** This reply followed by {@code more}. */
    public Reply then(Reply more) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(more.parts);
        return new Reply(all);
    }

    /** A query or other text to show as typed. */
    public static Code code(String text) {
        return new Code(text);
    }

    /** Text that stands out. */
    public static Strong strong(String text) {
        return new Strong(text);
    }

    /** A link. */
    public static Link link(String url, String label) {
        return new Link(url, label);
    }

    /** Whether there is nothing to say. */
    public boolean isEmpty() {
        return parts.stream().allMatch(p -> p instanceof Text t && t.text().isBlank());
    }

    private static void addTemplateText(List<Part> parts, String text) {
        Matcher m = COMMAND.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                parts.add(new Text(text.substring(from, m.start())));
            }
            parts.add(new Command(m.group(1)));
            from = m.end();
        }
        if (from < text.length()) {
            parts.add(new Text(text.substring(from)));
        }
    }

    /** The reply as Telegram users read it, without markup (for logs and tests). */
    @Override
    public String toString() {
        return ReplyFormat.PLAIN.render(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reply r && r.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
