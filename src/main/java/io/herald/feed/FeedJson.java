package io.herald.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Renders a parsed feed for {@code feed inspect}: the JSON contract of interface.md, or a text listing. */
public final class FeedJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TEXT_SUMMARY_CHARS = 280;

    private FeedJson() {
    }

    /**
     * One JSON object: {@code {"feed":{"title","link","format"},"items":[{"id","title","link","published",
     * "summary","authors","categories"}]}}; {@code published} is an ISO-8601 UTC instant to the second, or null.
     */
    public static String render(ParsedFeed feed) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode head = root.putObject("feed");
        head.put("title", feed.title());
        head.put("link", feed.link());
        head.put("format", feed.format());
        ArrayNode items = root.putArray("items");
        for (Item item : feed.items()) {
            ObjectNode node = items.addObject();
            node.put("id", item.id());
            node.put("title", item.title());
            node.put("link", item.link());
            node.put("published", item.published().map(FeedJson::instant).orElse(null));
            node.put("summary", summary(item));
            strings(node.putArray("authors"), item.authors());
            strings(node.putArray("categories"), item.categories());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render feed as JSON", e);
        }
    }

    /** A human-readable listing: the feed's title, format and link, then each item with date, link and summary. */
    public static String renderText(ParsedFeed feed) {
        StringBuilder out = new StringBuilder();
        out.append(feed.title().isEmpty() ? "(untitled feed)" : feed.title())
                .append(" [").append(feed.format()).append("]\n");
        if (!feed.link().isEmpty()) {
            out.append(feed.link()).append('\n');
        }
        out.append(feed.items().size()).append(feed.items().size() == 1 ? " item" : " items").append('\n');
        int n = 0;
        for (Item item : feed.items()) {
            out.append('\n').append(++n).append(". ").append(item.title().isEmpty() ? "(untitled)" : item.title())
                    .append('\n');
            String date = item.published().map(FeedJson::instant).orElse("no date");
            String by = item.authors().isEmpty() ? "" : " by " + String.join(", ", item.authors());
            out.append("   ").append(date).append(by).append('\n');
            if (!item.link().isEmpty()) {
                out.append("   ").append(item.link()).append('\n');
            }
            String summary = summary(item).replace('\n', ' ');
            if (!summary.isEmpty()) {
                out.append("   ").append(shorten(summary)).append('\n');
            }
            out.append("   id: ").append(item.id()).append('\n');
        }
        return out.toString();
    }

    private static String summary(Item item) {
        return item.summary().isBlank() ? item.content() : item.summary();
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String shorten(String s) {
        if (s.length() <= TEXT_SUMMARY_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', TEXT_SUMMARY_CHARS);
        return s.substring(0, cut > TEXT_SUMMARY_CHARS / 2 ? cut : TEXT_SUMMARY_CHARS) + "…";
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
