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
 * Reads the dates of every entry itself, so that ROME never does: ROME tries a list of {@code SimpleDateFormat}
 * masks, built anew for every date, knows English only and drops what it cannot read. The date elements are taken
 * out of the tree while ROME maps the entries and put back afterwards, so the rest of the reading sees the document
 * unchanged. An entry's date is, in this order, the last readable of its {@code published}, {@code pubDate} or
 * {@code issued} (feedparser's reading: a later element of the same kind overrides), else its {@code dc:date}, else
 * its {@code updated} or {@code modified}, else its {@code created}. The common forms (RFC 1123 and RFC 3339) are read
 * with {@code java.time}, the rest by {@link FeedDates}. The feed's own dates, which the model does not carry, are
 * kept from ROME too.
 */
final class EntryDates {
    private static final List<Set<String>> KINDS = List.of(Set.of("published", "pubdate", "issued"), Set.of("date"),
            Set.of("updated", "modified"), Set.of("created"));
    private static final Set<String> DATES = Set.of("pubdate", "published", "issued", "date", "created",
            "updated", "modified", "lastbuilddate");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern RFC1123 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"
                    + " ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d (GMT|[+-]\\d{4})");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{3})?(Z|[+-]\\d{2}:\\d{2})");

    /** Dates read, by entry element, and the elements taken out (with their place) until restored. */
    private final Map<Element, Instant> read = new IdentityHashMap<>();
    private final List<Element> removed = new ArrayList<>();
    private final List<Element> parents = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();
    private Optional<String> unreadable = Optional.empty();

    /** Reads and detaches the dates of each entry of {@code document}, and the feed's own. */
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
            if (DATES.contains(child.getName().toLowerCase(Locale.ROOT))) {
                found.add(child);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        Optional<Instant> instant = choose(found);
        if (instant.isPresent()) {
            read.put(entry, instant.get());
        } else if (unreadable.isEmpty()) {
            unreadable = found.stream().map(Element::getTextNormalize).filter(t -> !t.isEmpty()).findFirst();
        }
        for (Element date : found) {
            parents.add(entry);
            indexes.add(entry.indexOf(date));
            removed.add(date);
            date.detach();
        }
    }

    /** The last readable date of the first kind that has one. */
    private static Optional<Instant> choose(List<Element> found) {
        for (Set<String> kind : KINDS) {
            for (int i = found.size() - 1; i >= 0; i--) {
                Element date = found.get(i);
                if (kind.contains(date.getName().toLowerCase(Locale.ROOT))) {
                    Optional<Instant> instant = parse(date);
                    if (instant.isPresent()) {
                        return instant;
                    }
                }
            }
        }
        return Optional.empty();
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

    /** The date read for this entry element, if any. */
    Optional<Instant> of(Element entry) {
        return Optional.ofNullable(read.get(entry));
    }

    /** The first entry date that could not be read, when an entry had no readable date at all. */
    Optional<String> unreadable() {
        return unreadable;
    }

    /**
     * Milliseconds only in Atom 1.0 {@code published} and {@code updated} (as ROME kept them); any other element's
     * date is read to the second.
     */
    private static Optional<Instant> parse(Element date) {
        String text = date.getText();
        boolean atom = date.getNamespaceURI().equals(ATOM)
                && (date.getName().equals("published") || date.getName().equals("updated"));
        Optional<Instant> common = atom || text.indexOf('.') < 0 ? parse(text) : Optional.empty();
        return common.isPresent() ? common : FeedDates.parse(text);
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
