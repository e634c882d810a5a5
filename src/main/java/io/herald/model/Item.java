package io.herald.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One normalised feed entry. All text is plain (no HTML tags, entities decoded); the link is absolute.
 *
 * @param feedId     the configured feed id this item came from
 * @param id         stable identity within the feed: the guid when present, else the canonical link
 * @param title      plain-text title (may be empty, never null)
 * @param link       absolute link to the article (may be empty when the feed gives none)
 * @param published  publication instant in UTC, when the feed gives a parseable one
 * @param summary    plain-text description or teaser (may be empty)
 * @param content    plain-text full content when the feed carries it (may be empty)
 * @param authors    author names, never null
 * @param categories category labels, never null
 */
public record Item(
        String feedId,
        String id,
        String title,
        String link,
        Optional<Instant> published,
        String summary,
        String content,
        List<String> authors,
        List<String> categories) {

    public Item {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        published = published == null ? Optional.empty() : published;
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The richest body text the feed gave: the content when present, else the summary. */
    public String text() {
        return content.isBlank() ? summary : content;
    }
}
