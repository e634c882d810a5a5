package io.herald.chat;

import java.util.Optional;

/**
 * What the admin commands act on: the running feeds and routes, the config file and the database's chat-added
 * feeds. Every method answers with the plain text to send back (a result or a short explanation of what was wrong).
 */
public interface FeedAdmin {

    /** The feeds with id, title, where they come from, health, last new item and next poll. */
    String feeds();

    /** Fetches {@code url} once (discovering the feed of an HTML page) and adds it as a chat-added feed. */
    String addFeed(String url, Optional<String> id, Optional<String> interval, String addedBy);

    String removeFeed(String id);

    String pauseFeed(String id, String by);

    String resumeFeed(String id);

    /** The config file's routes: id, query, destinations, feeds. */
    String routes();

    /**
     * Reads the config file again and applies it (or keeps the running config and lists its problems); the other
     * admins get the same message.
     *
     * @param platform the asking admin's platform
     * @param userId   the asking admin
     */
    String reload(io.herald.model.Platform platform, String userId);

    /** Adds every feed of an OPML document, or none, with the problems by line. */
    String importOpml(String fileName, byte[] content, String by);

    /** Every feed as an OPML document. */
    byte[] exportOpml();
}
