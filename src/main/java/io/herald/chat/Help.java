package io.herald.chat;

/** The /help text. */
final class Help {
    static final String TEXT = """
            Herald sends you a short alert with the link when a new news story matches your query.

            Commands:
            /subscribe <query> - get alerts for a query
            /list - your subscriptions, numbered
            /unsubscribe <number> - stop one
            /digest hourly | daily 08:00 | off - collect alerts into a digest, or not
            /timezone Europe/Berlin - your time zone for the daily digest
            /preview large | small | none - how alerts show the article's link preview
            /start - start, or resume after a pause
            /help - this text

            Queries:
            kursk - the word anywhere in the title or text
            "north korea" - these words together, in this order
            korea* - words starting with korea
            nato ukraine - both words (same as nato AND ukraine)
            nato OR otan - either word
            nato -sport, nato NOT sport - leave out stories with sport
            title:kursk - only in the title
            source:bbc-world - only stories from that feed
            ( ) group: (nato OR otan) ukraine
            Case and accents don't matter: Zurich finds Zürich.""";

    private Help() {
    }
}
