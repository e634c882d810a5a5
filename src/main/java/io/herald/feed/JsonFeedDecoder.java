package io.herald.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the model. */
final class JsonFeedDecoder {
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The feed; relative item links resolve against its {@code home_page_url} (itself resolved against the
     * document's URL), else against the document's URL, and stay as written when neither is a real base.
     */
    FeedDocument parse(String feedId, byte[] body, Optional<URI> base) throws FeedException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new FeedException("feed " + feedId + ": the document is not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new FeedException("feed " + feedId + ": cannot read the JSON document", e);
        }
        if (root == null || !root.isObject() || !isJsonFeed(root)) {
            throw FeedParser.notAFeed(feedId, null);
        }
        String version = text(root, "version").substring(text(root, "version").lastIndexOf('/') + 1);
        String format = "json_" + (version.equals("1") || version.isBlank() ? "1.0" : version);
        String home = Links.absolute(text(root, "home_page_url"), base);
        Optional<URI> itemBase = Links.parse(home).filter(Links::isWeb).or(() -> base);
        List<Item> items = new ArrayList<>();
        Optional<String> unreadable = Optional.empty();
        for (JsonNode node : root.path("items")) {
            if (node.isObject()) {
                Item item = ItemAssembler.assemble(feedId, fields(node, itemBase));
                items.add(item);
                if (item.published().isEmpty() && unreadable.isEmpty()) {
                    unreadable = Optional.of(text(node, "date_published")).filter(d -> !d.isBlank());
                }
            }
        }
        return new FeedDocument(new ParsedFeed(PlainText.line(text(root, "title")), home, format, items),
                Optional.empty(), unreadable);
    }

    /** A JSON Feed version URL, or a bare version number ("1.0", "1.1") with an items array, as some servers write. */
    private static boolean isJsonFeed(JsonNode root) {
        String version = text(root, "version").replace("http:", "https:");
        return version.startsWith(VERSION_PREFIX)
                || (version.matches("1(\\.\\d)?") && root.path("items").isArray());
    }

    private static ItemAssembler.Fields fields(JsonNode item, Optional<URI> base) {
        String content = !text(item, "content_html").isBlank()
                ? PlainText.text(text(item, "content_html")) : PlainText.literal(text(item, "content_text"));
        String link = !text(item, "url").isBlank() ? text(item, "url") : text(item, "external_url");
        Optional<String> id = Optional.of(text(item, "id")).filter(s -> !s.isBlank());
        Optional<Instant> published = instant(text(item, "date_published"))
                .or(() -> instant(text(item, "date_modified")));
        return new ItemAssembler.Fields(id, link, base, PlainText.line(text(item, "title")),
                PlainText.text(text(item, "summary")), content, published, authors(item),
                strings(item.path("tags")));
    }

    private static List<String> authors(JsonNode item) {
        List<String> out = new ArrayList<>();
        for (JsonNode author : item.path("authors")) {
            out.add(text(author, "name"));
        }
        if (out.isEmpty() && item.path("author").isObject()) {
            out.add(text(item.path("author"), "name"));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isValueNode()) {
                out.add(node.asText());
            }
        }
        return out;
    }

    /** RFC 3339 as the specification asks (fractions kept), else any form {@link FeedDates} reads. */
    private static Optional<Instant> instant(String date) {
        if (date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(date.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return FeedDates.parse(date);
        }
    }

    /** The field as text when it is a string or number; empty otherwise. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
