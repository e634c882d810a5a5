package io.herald.feed;

import io.herald.model.Item;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Builds normalised {@link Item}s from already-extracted, format-neutral fields. */
final class ItemAssembler {

    /** Raw fields of one entry; text fields are already plain text, the link may still be relative. */
    record Fields(Optional<String> guid, String rawLink, Optional<URI> base, String title, String summary,
            String content, Optional<Instant> published, List<String> authors, List<String> categories) {
    }

    private ItemAssembler() {
    }

    static Item assemble(String feedId, Fields f) {
        String link = Links.absolute(f.rawLink(), f.base());
        String id = Identity.of(f.guid(), link, f.title(), f.summary());
        List<String> authors = f.authors().stream().map(ItemAssembler::personName).toList();
        return new Item(feedId, id, f.title(), link, f.published(), f.summary(), f.content(),
                cleanList(authors), cleanList(f.categories()));
    }

    private static final java.util.regex.Pattern EMAIL_THEN_NAME =
            java.util.regex.Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");
    private static final java.util.regex.Pattern NAME_THEN_EMAIL =
            java.util.regex.Pattern.compile("(.+?)\\s*[(<]\\s*\\S+@\\S+\\s*[)>]");

    /** An author as people read it: {@code a@b.org (Ann)}, {@code Ann (a@b.org)} and {@code Ann <a@b.org>} are Ann. */
    static String personName(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        java.util.regex.Matcher m = EMAIL_THEN_NAME.matcher(s);
        if (m.matches()) {
            return m.group(1).strip();
        }
        m = NAME_THEN_EMAIL.matcher(s);
        return m.matches() ? m.group(1).strip() : s;
    }

    /** One-line plain text, blanks dropped, duplicates removed, order kept. */
    static List<String> cleanList(List<String> raw) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : raw) {
            String line = PlainText.line(s);
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return new ArrayList<>(out);
    }

    /** Resolves {@code ref} (an xml:base or a link) against an optional base; empty when unusable. */
    static Optional<URI> resolveBase(Optional<URI> base, String ref) {
        if (ref == null || ref.isBlank()) {
            return base;
        }
        Optional<URI> parsed = Links.parse(ref.strip());
        if (parsed.isEmpty()) {
            return base;
        }
        if (parsed.get().isAbsolute()) {
            return parsed;
        }
        if (base.isEmpty()) {
            return base;
        }
        try {
            return Optional.of(base.get().resolve(parsed.get()));
        } catch (IllegalArgumentException e) {
            return base;
        }
    }
}
