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
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Maps a ROME {@link SyndFeed} onto the model. ROME types stay inside this class and {@link XmlFeedDecoder}. */
final class RomeFeedParser {

    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    private RomeFeedParser() {
    }

    static ParsedFeed toModel(String feedId, RomeInput.Built built, Optional<URI> documentBase) {
        SyndFeed feed = built.feed();
        WireFeed wire = feed.originalWireFeed();
        Element root = built.document().getRootElement();
        Optional<URI> feedBase = ItemAssembler.resolveBase(documentBase, xmlBase(root));
        if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
            feedBase = ItemAssembler.resolveBase(documentBase, atom.getXmlBase());
        } else if (root.getChild("channel", root.getNamespace()) != null) {
            feedBase = ItemAssembler.resolveBase(feedBase, xmlBase(root.getChild("channel", root.getNamespace())));
        }
        List<Element> raw = RawEntries.entries(built.document());
        boolean aligned = raw.size() == feed.getEntries().size();
        List<io.herald.model.Item> items = new ArrayList<>();
        for (int i = 0; i < feed.getEntries().size(); i++) {
            Optional<Element> element = aligned ? Optional.of(raw.get(i)) : Optional.empty();
            items.add(ItemAssembler.assemble(feedId, fields(feed.getEntries().get(i), feedBase, element,
                    built.dates())));
        }
        String romeLink = firstNonBlank(alternate(feed.getLinks()), feed.getLink());
        String link = Links.absolute(wire instanceof com.rometools.rome.feed.rss.Channel
                ? RawEntries.channelLink(built.document()).orElse(romeLink) : romeLink, feedBase);
        String title = text(feed.getTitleEx(), feed.getTitle(), true);
        if (title.isBlank()) {
            title = RawEntries.feedTitle(built.document()).map(PlainText::line).orElse("");
        }
        return new ParsedFeed(title, link, format(feed.getFeedType()), items);
    }

    /** RSS {@code <ttl>}: minutes the feed may be cached; empty when absent or not positive. */
    static Optional<java.time.Duration> ttl(RomeInput.Built built) {
        if (built.feed().originalWireFeed() instanceof com.rometools.rome.feed.rss.Channel channel
                && channel.getTtl() > 0) {
            return Optional.of(java.time.Duration.ofMinutes(Math.min(channel.getTtl(), 7 * 24 * 60)));
        }
        return Optional.empty();
    }

    private static String xmlBase(Element element) {
        return element == null ? null : element.getAttributeValue("base", Namespace.XML_NAMESPACE);
    }

    private static ItemAssembler.Fields fields(SyndEntry entry, Optional<URI> feedBase, Optional<Element> element,
            EntryDates dates) {
        RawEntries.Extras extras = element.map(RawEntries::extras).orElse(RawEntries.Extras.NONE);
        Optional<URI> base = element.isPresent() ? ItemAssembler.resolveBase(feedBase, xmlBase(element.get()))
                : feedBase;
        Optional<String> guid = Optional.empty();
        Object wire = entry.getWireEntry();
        if (wire instanceof Entry atom) {
            base = ItemAssembler.resolveBase(feedBase, atom.getXmlBase());
            if (atom.getId() != null) {
                guid = Optional.of(Links.absoluteId(atom.getId(), base));
            }
        } else if (wire instanceof Item rss && rss.getGuid() != null) {
            guid = Optional.ofNullable(rss.getGuid().getValue());
        }
        if (guid.isEmpty() && wire instanceof Item rss && rss.getUri() != null && element.isPresent()
                && element.get().getAttribute("about", RDF) != null) {
            guid = Optional.of(rss.getUri());
        }
        String title = text(entry.getTitleEx(), entry.getTitle(), true);
        String summary = text(entry.getDescription(), null, false);
        String content = contents(entry.getContents());
        String link = firstNonBlank(alternate(entry.getLinks()), entry.getLink());
        if (wire instanceof Item) {
            link = extras.lastOwnLink().orElse(link);
            if (extras.ownSummaries().size() >= 2) {
                summary = PlainText.text(extras.ownSummaries().get(0));
                content = content.isBlank() ? PlainText.text(extras.ownSummaries().get(1)) : content;
            }
        }
        return new ItemAssembler.Fields(guid, link.isBlank() ? extras.link().orElse("") : link, base,
                title.isBlank() ? extras.title().map(PlainText::line).orElse("") : title,
                summary.isBlank() ? extras.summaryHtml().map(PlainText::text).orElse("") : summary,
                content.isBlank() ? extras.contentHtml().map(PlainText::text).orElse("") : content,
                published(entry, element.flatMap(dates::of)), orElse(authors(entry), extras.authors()),
                orElse(categories(entry.getCategories()), extras.categories()));
    }

    private static List<String> orElse(List<String> values, List<String> fallback) {
        return values.stream().anyMatch(v -> v != null && !v.isBlank()) ? values : fallback;
    }

    /** The date read by {@link EntryDates}; ROME's own only when the tree and ROME's entries do not line up. */
    private static Optional<Instant> published(SyndEntry entry, Optional<Instant> read) {
        if (read.isPresent()) {
            return read;
        }
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
            out.add(firstNonBlank(category.getLabel(), category.getName()));
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
        if (isBinary(type)) {
            value = decodeBase64(value);
        }
        String plain = literal ? PlainText.literal(value) : PlainText.text(value);
        return oneLine ? plain.replace('\n', ' ') : plain;
    }

    /** Atom content whose type is a MIME type that is neither text nor XML is base64-encoded. */
    private static boolean isBinary(String type) {
        return type.contains("/") && !type.startsWith("text/") && !type.contains("xml") && !type.contains("html");
    }

    private static String decodeBase64(String value) {
        try {
            byte[] bytes = java.util.Base64.getMimeDecoder().decode(value.strip());
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
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
