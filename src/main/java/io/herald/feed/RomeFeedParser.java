package io.herald.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps a ROME {@link SyndFeed} onto the model. ROME types stay inside this class and {@link XmlFeedDecoder}. */
final class RomeFeedParser {

    private RomeFeedParser() {
    }

    static ParsedFeed toModel(String feedId, SyndFeed feed, Optional<URI> documentBase) {
        WireFeed wire = feed.originalWireFeed();
        Optional<URI> feedBase = documentBase;
        if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
            feedBase = ItemAssembler.resolveBase(documentBase, atom.getXmlBase());
        }
        List<io.herald.model.Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(ItemAssembler.assemble(feedId, fields(entry, feedBase)));
        }
        String link = Links.absolute(firstNonBlank(alternate(feed.getLinks()), feed.getLink()), feedBase);
        return new ParsedFeed(text(feed.getTitleEx(), feed.getTitle(), true), link,
                format(feed.getFeedType()), items);
    }

    private static ItemAssembler.Fields fields(SyndEntry entry, Optional<URI> feedBase) {
        Optional<URI> base = feedBase;
        Optional<String> guid = Optional.empty();
        Object wire = entry.getWireEntry();
        if (wire instanceof Entry atom) {
            base = ItemAssembler.resolveBase(feedBase, atom.getXmlBase());
            guid = Optional.ofNullable(atom.getId());
        } else if (wire instanceof Item rss && rss.getGuid() != null) {
            guid = Optional.ofNullable(rss.getGuid().getValue());
        }
        String summary = text(entry.getDescription(), null, false);
        String content = contents(entry.getContents());
        return new ItemAssembler.Fields(guid, firstNonBlank(alternate(entry.getLinks()), entry.getLink()), base,
                text(entry.getTitleEx(), entry.getTitle(), true), summary, content,
                published(entry), authors(entry), categories(entry.getCategories()));
    }

    private static Optional<Instant> published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private static List<String> authors(SyndEntry entry) {
        List<String> out = new ArrayList<>();
        for (SyndPerson person : entry.getAuthors()) {
            out.add(firstNonBlank(person.getName(), person.getEmail()));
        }
        if (out.isEmpty() && entry.getAuthor() != null) {
            out.add(entry.getAuthor());
        }
        return out;
    }

    private static List<String> categories(List<SyndCategory> categories) {
        List<String> out = new ArrayList<>();
        for (SyndCategory category : categories) {
            out.add(firstNonBlank(category.getName(), category.getLabel()));
        }
        return out;
    }

    private static String contents(List<SyndContent> contents) {
        StringBuilder out = new StringBuilder();
        for (SyndContent c : contents) {
            String t = text(c, null, false);
            if (!t.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(t);
            }
        }
        return out.toString();
    }

    /**
     * Plain text of a ROME content: literal for Atom's type "text", otherwise parsed as HTML (RSS descriptions
     * marked text/plain carry escaped HTML in practice).
     */
    private static String text(SyndContent content, String fallback, boolean oneLine) {
        String value = content != null && content.getValue() != null ? content.getValue() : fallback;
        if (value == null) {
            return "";
        }
        String type = content == null || content.getType() == null
                ? "" : content.getType().toLowerCase(Locale.ROOT);
        boolean literal = type.equals("text");
        String plain = literal ? PlainText.literal(value) : PlainText.text(value);
        return oneLine ? plain.replace('\n', ' ') : plain;
    }

    private static String alternate(List<SyndLink> links) {
        for (SyndLink link : links) {
            if (link.getRel() == null || link.getRel().isBlank() || link.getRel().equals("alternate")) {
                return link.getHref();
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b == null ? "" : b;
    }

    /** ROME's feed type as Herald's format name: {@code rss_0.91U} and {@code rss_0.91N} become {@code rss_0.91}. */
    static String format(String feedType) {
        if (feedType == null || feedType.isBlank()) {
            return "unknown";
        }
        String lower = feedType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rss_0.91")) {
            return "rss_0.91";
        }
        return lower.equals("rss_0.9") ? "rss_0.90" : lower;
    }
}
