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
 * (RFC 1123 {@code Tue, 10 Jun 2003 04:00:00 GMT} and RFC 3339 {@code 2003-06-10T04:00:00Z}, whole seconds or
 * milliseconds),
 * and an Atom 1.0 entry's {@code published} when it comes with {@code updated} in those forms:
 * ROME tries a list of {@code SimpleDateFormat} masks, built anew for every date. The element is taken out of the
 * tree while ROME maps it and put back afterwards, so the rest of the reading sees the document unchanged. Any
 * other case (several dates, another form) is left to ROME and {@link FeedDates} as before. The feed's own dates,
 * which the model does not carry, are kept from ROME too.
 */
final class EntryDates {
    private static final Set<String> DATES = Set.of("pubdate", "published", "issued", "date", "created",
            "updated", "modified", "lastbuilddate");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern RFC1123 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"
                    + " ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d (GMT|[+-]\\d{4})");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{3})?(Z|[+-]\\d{2}:\\d{2})");

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
        Element root = document.getRootElement();
        dates.detachFeedDates(root);
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                dates.detachFeedDates(child);
            }
        }
        return dates;
    }

    private void detachFrom(Element entry) {
        List<Element> found = new ArrayList<>();
        for (Element child : entry.getChildren()) {
            if (child.getName().equalsIgnoreCase("group")) {
                return;
            }
            if (DATES.contains(child.getName().toLowerCase(Locale.ROOT))) {
                found.add(child);
            }
        }
        Element chosen = found.size() == 1 ? found.get(0) : atomPublished(found);
        if (chosen == null) {
            return;
        }
        Optional<Instant> instant = parse(chosen);
        if (instant.isEmpty() || found.stream().anyMatch(e -> parse(e).isEmpty())) {
            return;
        }
        read.put(entry, instant.get());
        for (Element date : found) {
            parents.add(entry);
            indexes.add(entry.indexOf(date));
            removed.add(date);
            date.detach();
        }
    }

    /** The feed's own dates (Herald's model has none) are kept from ROME altogether. */
    private void detachFeedDates(Element feed) {
        for (Element child : new ArrayList<>(feed.getChildren())) {
            if (DATES.contains(child.getName().toLowerCase(Locale.ROOT))) {
                parents.add(feed);
                indexes.add(feed.indexOf(child));
                removed.add(child);
                child.detach();
            }
        }
    }

    /** Of an Atom 1.0 entry's {@code published} and {@code updated} (and nothing else), the first. */
    private static Element atomPublished(List<Element> found) {
        if (found.size() != 2 || !found.stream().allMatch(e -> e.getNamespaceURI().equals(ATOM))) {
            return null;
        }
        List<String> names = found.stream().map(Element::getName).toList();
        if (names.contains("published") && names.contains("updated")) {
            return found.get(names.indexOf("published"));
        }
        return null;
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

    /**
     * Milliseconds only where ROME reads the date (Atom 1.0 {@code published} and {@code updated}): the fallback
     * parser keeps whole seconds.
     */
    private static Optional<Instant> parse(Element date) {
        boolean atom = date.getNamespaceURI().equals(ATOM)
                && (date.getName().equals("published") || date.getName().equals("updated"));
        return atom || date.getText().indexOf('.') < 0 ? parse(date.getText()) : Optional.empty();
    }

    /** The instant of an RFC 1123 or RFC 3339 (whole seconds or milliseconds) date; empty for anything else. */
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
