package io.herald.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Reads the one date of an entry before ROME does, when it is in one of the two forms nearly every feed uses
 * (RFC 1123 {@code Tue, 10 Jun 2003 04:00:00 GMT} and RFC 3339 {@code 2003-06-10T04:00:00Z}, whole seconds):
 * ROME tries a list of {@code SimpleDateFormat} masks, built anew for every date. The element is taken out of the
 * tree while ROME maps it and put back afterwards, so the rest of the reading sees the document unchanged. Any
 * other case (several dates, another form) is left to ROME and {@link FeedDates} as before.
 */
final class EntryDates {
    private static final Set<String> DATES = Set.of("pubdate", "published", "issued", "date", "created",
            "updated", "modified", "lastbuilddate");
    private static final Pattern RFC1123 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"
                    + " ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d (GMT|[+-]\\d{4})");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(Z|[+-]\\d{2}:\\d{2})");

    /** Dates read ahead, by entry element, and the elements taken out (with their place) until restored. */
    private final Map<Element, Instant> read = new IdentityHashMap<>();
    private final List<Element> removed = new ArrayList<>();
    private final List<Element> parents = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();

    /** Reads and detaches the single, common-form date of each entry of {@code document}. */
    static EntryDates detach(Document document) {
        EntryDates dates = new EntryDates();
        for (Element entry : RawEntries.entries(document)) {
            dates.detachFrom(entry);
        }
        return dates;
    }

    private void detachFrom(Element entry) {
        Element only = null;
        for (Element child : entry.getChildren()) {
            if (child.getName().equalsIgnoreCase("group")) {
                return;
            }
            if (DATES.contains(child.getName().toLowerCase(Locale.ROOT))) {
                if (only != null) {
                    return;
                }
                only = child;
            }
        }
        if (only == null) {
            return;
        }
        Optional<Instant> instant = parse(only.getText());
        if (instant.isPresent()) {
            read.put(entry, instant.get());
            parents.add(entry);
            indexes.add(entry.indexOf(only));
            removed.add(only);
            only.detach();
        }
    }

    /** Puts the detached elements back where they were. */
    void restore() {
        for (int i = removed.size() - 1; i >= 0; i--) {
            parents.get(i).addContent(indexes.get(i), removed.get(i));
        }
        removed.clear();
    }

    boolean isEmpty() {
        return read.isEmpty();
    }

    /** The date read ahead for this entry element, if any. */
    Optional<Instant> of(Element entry) {
        return Optional.ofNullable(read.get(entry));
    }

    /** The instant of an RFC 1123 or RFC 3339 (whole seconds) date; empty for anything else. */
    static Optional<Instant> parse(String raw) {
        String s = raw.strip();
        try {
            if (RFC3339.matcher(s).matches()) {
                return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
            if (RFC1123.matcher(s).matches()) {
                return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
