package io.herald.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an {@link Alert} into the JSON kept in an outbox row, and back. */
final class AlertCodec {
    private final ObjectMapper json = new ObjectMapper();

    String encode(Alert alert) {
        Item item = alert.item();
        ObjectNode root = json.createObjectNode();
        root.put("destination", alert.destination().toString());
        root.put("feedTitle", alert.feedTitle());
        root.put("query", alert.query());
        root.put("summary", alert.summary());
        ArrayNode terms = root.putArray("matchedTerms");
        alert.matchedTerms().forEach(terms::add);
        root.put("subscriptionId", alert.subscriptionId());
        ObjectNode i = root.putObject("item");
        i.put("feedId", item.feedId());
        i.put("id", item.id());
        i.put("title", item.title());
        i.put("link", item.link());
        item.published().ifPresent(p -> i.put("published", p.toString()));
        i.put("summary", item.summary());
        i.put("content", item.content());
        ArrayNode authors = i.putArray("authors");
        item.authors().forEach(authors::add);
        ArrayNode categories = i.putArray("categories");
        item.categories().forEach(categories::add);
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode alert for " + alert.destination(), e);
        }
    }

    Alert decode(long id, String payload) {
        try {
            JsonNode root = json.readTree(payload);
            JsonNode i = root.path("item");
            Optional<Instant> published = i.hasNonNull("published")
                    ? Optional.of(Instant.parse(i.get("published").asText())) : Optional.empty();
            Item item = new Item(i.path("feedId").asText(), i.path("id").asText(), i.path("title").asText(),
                    i.path("link").asText(), published, i.path("summary").asText(), i.path("content").asText(),
                    strings(i.path("authors")), strings(i.path("categories")));
            return new Alert(id, Destination.parse(root.path("destination").asText()), item,
                    root.path("feedTitle").asText(), root.path("query").asText(), root.path("summary").asText(),
                    strings(root.path("matchedTerms")), root.path("subscriptionId").asLong(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + id + " holds unreadable JSON", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
