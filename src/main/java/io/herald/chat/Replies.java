package io.herald.chat;

import java.util.List;

/**
 * The catalogue of everything Herald says in chat, one method per reply. Each returns a {@link Reply} that every
 * platform renders in its own words ({@link ReplyFormat}): a {@code /command} written in a template reads
 * {@code /subscribe} in Telegram and {@code /herald subscribe} in Slack, and arguments (queries, feed titles,
 * anything a user or a feed wrote) are escaped by each platform's rules.
 *
 * <p>To add a reply: add a public static method here that returns {@code Reply.of("template with {} places",
 * args...)}; wrap a query in {@link Reply#code}, a matched word in {@link Reply#strong}, a URL in
 * {@link Reply#link}. {@code RepliesOnEveryPlatformTest} finds every public static method of this class by itself
 * and checks it on both platforms' strict validators, so a new entry is tested as soon as it exists (give a new
 * parameter type a sample value there). A reply still written as a plain string can be moved in with
 * {@link Reply#text(String)}.
 */
public final class Replies {
    /** Help for a query, used by many replies. */
    static final String EXAMPLE = "\"north korea\" OR kursk";

    private Replies() {
    }

    // ---- general ----------------------------------------------------------------------------------------------

    public static Reply hint() {
        return Reply.of("Send /help to see what I can do.");
    }

    public static Reply onlyCommands() {
        return Reply.of("I only understand commands. Try /subscribe <keywords>. ").then(hint());
    }

    public static Reply textOnly() {
        return Reply.of("I only understand text commands. ").then(hint());
    }

    /** An unknown command, written as the platform's users type commands when it is a plain word. */
    public static Reply unknownCommand(String command) {
        Object shown = command.matches("/[a-z0-9_]{1,32}") ? new Reply.Command(command.substring(1))
                : Reply.code(Quote.prefix(command));
        return Reply.of("I don't know the command {}. ", shown).then(hint());
    }

    public static Reply sorry() {
        return Reply.of("Sorry, something went wrong. Please try again later.");
    }

    public static Reply welcome(int resumed) {
        Reply back = resumed > 0
                ? Reply.of("Welcome back: your {} subscription(s) are active again.\n\n", resumed) : Reply.of("");
        return back.then(Reply.of("Hi, I'm Herald. I watch news feeds and send you a short alert with the link"
                + " whenever a new story matches your keywords.\n\nTry: /subscribe {}\n", EXAMPLE)).then(hint());
    }

    public static Reply help() {
        return Reply.of("""
                Herald sends you a short alert with the link when a new news story matches your query.

                Commands:
                /subscribe <query> - get alerts for a query
                /test <query> - which recent stories a query would have matched, without subscribing
                /list - your subscriptions and the team routes that deliver here
                /unsubscribe <number> - stop one
                /resume - turn muted subscriptions back on
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
                Case and accents don't matter: Zurich finds Zürich.""");
    }

    public static Reply adminsOnly(String command) {
        return Reply.of("Only Herald's admins can use {}.", Reply.code(command));
    }

    // ---- who may change a shared chat ------------------------------------------------------------------------

    public static Reply groupAdminsOnly() {
        return Reply.of("Only this group's admins can change its subscriptions.");
    }

    public static Reply channelAdminsOnly() {
        return Reply.of("Only Herald's admins can change this channel's subscriptions.");
    }

    public static Reply cannotTellWhoMayChange() {
        return Reply.of("I could not ask Telegram whether you administer this group, so nothing changed. Please try"
                + " again in a minute.");
    }

    // ---- subscriptions -----------------------------------------------------------------------------------------

    public static Reply subscribeWhat() {
        return Reply.of("Tell me what to watch for, e.g. /subscribe {}", EXAMPLE);
    }

    public static Reply badQuery(int position, String detail) {
        return Reply.of("That query has a problem at position {}: {}. Send /help for the query syntax.", position,
                detail);
    }

    public static Reply tooManySubscriptions(int count) {
        return Reply.of("This chat already has {} subscriptions, the most allowed. "
                + "Remove one with /unsubscribe <number> first.", count);
    }

    public static Reply alreadySubscribed(String query) {
        return Reply.of("You are already subscribed to: {}", Reply.code(query));
    }

    public static Reply subscribed(int number, String query) {
        return Reply.of("Subscribed (#{}): {}\nI'll send you new stories that match. /list shows all your"
                + " subscriptions.", number, Reply.code(query));
    }

    public static Reply noSubscriptions() {
        return Reply.of("You have no subscriptions yet. Try /subscribe {}", EXAMPLE);
    }

    /** {@code /list}: the chat's own subscriptions, numbered, then the routes that deliver here. */
    public static Reply list(List<Listed> own, List<Listed> routes) {
        Reply out = own.isEmpty()
                ? Reply.of(routes.isEmpty() ? "You have no subscriptions yet. Try /subscribe {}"
                : "This chat has no subscriptions of its own. Try /subscribe {}", EXAMPLE)
                : Reply.of("Your subscriptions:");
        boolean muted = false;
        for (int i = 0; i < own.size(); i++) {
            out = out.then(Reply.of("\n{}. {}{}", i + 1, Reply.code(own.get(i).query()), state(own.get(i))));
            muted |= own.get(i).muted();
        }
        if (!own.isEmpty()) {
            out = out.then(Reply.of("\nRemove one with /unsubscribe <number>."));
        }
        if (!routes.isEmpty()) {
            out = out.then(Reply.of("\n\nTeam routes that deliver here (set by Herald's admins):"));
            for (Listed route : routes) {
                out = out.then(Reply.of("\n• route {}: {}{}", route.name(), Reply.code(route.query()), state(route)));
                muted |= route.muted();
            }
        }
        return muted ? out.then(Reply.of("\nSend /resume to turn muted ones back on.")) : out;
    }

    private static Reply state(Listed s) {
        return Reply.of(s.muted() ? " (muted)" : " (active)");
    }

    /** One line of {@code /list}: a subscription's query and state; {@code name} is the route's id for a route. */
    public record Listed(String name, String query, boolean muted) {
    }

    public static Reply unsubscribeWhich() {
        return Reply.of("Which one? Send /unsubscribe <number>; /list shows the numbers.");
    }

    public static Reply notANumber(String argument) {
        return Reply.of("'{}' is not a number. Send /unsubscribe <number>; /list shows the numbers.", argument);
    }

    public static Reply nothingToRemove() {
        return Reply.of("You have no subscriptions to remove.");
    }

    public static Reply noSuchNumber(int number, int count) {
        return Reply.of("There is no subscription number {}. /list shows numbers 1 to {}.", number, count);
    }

    public static Reply unsubscribedNumber(int number, String query) {
        return Reply.of("Unsubscribed from #{}: {}", number, Reply.code(query));
    }

    public static Reply resumed(int own, int routes) {
        if (own + routes == 0) {
            return Reply.of("Nothing here was muted; every subscription is active.");
        }
        return Reply.of("Active again: {} subscription(s) and {} team route(s) of this chat.", own, routes);
    }

    public static Reply routesStayMuted(int routes) {
        return Reply.of("{} team route(s) here stay muted: only Herald's admins can resume them.", routes);
    }

    // ---- buttons under alerts -------------------------------------------------------------------------------

    public static Reply muted(String query) {
        return Reply.of("Muted: {}\nSend /start to resume your subscriptions.", Reply.code(query));
    }

    public static Reply mutedUndo(String query) {
        return Reply.of("Muted: {}. Press Undo to resume it.", query);
    }

    public static Reply unsubscribedUndo(String query) {
        return Reply.of("Unsubscribed from: {}. Press Undo to get it back.", query);
    }

    public static Reply unsubscribedFrom(String query) {
        return Reply.of("Unsubscribed from: {}", Reply.code(query));
    }

    public static Reply activeAgain(String query) {
        return Reply.of("Active again: {}", query);
    }

    public static Reply subscribedAgain(String query) {
        return Reply.of("Subscribed again: {}", query);
    }

    public static Reply alreadyBack() {
        return Reply.of("You are subscribed to this query again already; /list shows it.");
    }

    public static Reply routeAskAnAdmin() {
        return Reply.of("This alert comes from a team route in Herald's config; only Herald's admins can mute it"
                + " here.");
    }

    public static Reply routeMuted(String route) {
        return Reply.of("Route {} muted in this chat. Press Undo or send /resume to turn it back on.", route);
    }

    public static Reply routeActiveAgain(String route) {
        return Reply.of("Route {} is active again in this chat.", route);
    }

    public static Reply noLongerActive() {
        return Reply.of("That subscription is no longer active here. /list shows this chat's subscriptions.");
    }

    public static Reply notOurButton() {
        return Reply.of("This button does not belong to an alert I sent here, so I changed nothing.");
    }

    // ---- digests and previews ----------------------------------------------------------------------------------

    public static Reply digestUsage() {
        return Reply.of("Send /digest hourly, /digest daily 08:00 or /digest off.");
    }

    public static Reply digestState(String described) {
        return Reply.of("Digest: {}. ", described).then(digestUsage());
    }

    public static Reply digestOff() {
        return Reply.of("Digest off: you get each alert as it comes again. Alerts held for the digest come now.");
    }

    public static Reply digestHourly(String zone) {
        return Reply.of("Done: one digest an hour, at the full hour ({}), with all new stories.", zone);
    }

    public static Reply digestUnknownMode(String mode) {
        return Reply.of("I don't know the digest mode '{}'. ", Quote.prefix(mode)).then(digestUsage());
    }

    public static Reply notATime(String text) {
        return Reply.of("'{}' is not a time of day. Send e.g. /digest daily 08:00", text);
    }

    public static Reply digestDaily(String time, String zone, boolean suggestZone) {
        return Reply.of("Done: one digest a day at {} ({}).", time, zone)
                .then(Reply.of(suggestZone ? " Set your time zone with e.g. /timezone Europe/Berlin" : ""));
    }

    public static Reply timezoneState(String zone) {
        return Reply.of("Your time zone: {}. Change it with e.g. /timezone Europe/Berlin", zone);
    }

    public static Reply unknownTimezone(String zone) {
        return Reply.of("I don't know the time zone '{}'. Use a name like Europe/Berlin, America/New_York or UTC.",
                Quote.prefix(zone));
    }

    public static Reply timezoneSet(String zone, String digest) {
        return Reply.of("Time zone set to {}. Digest: {}.", zone, digest);
    }

    public static Reply digestsUnavailable() {
        return Reply.of("Digests are not available here.");
    }

    public static Reply previewUsage() {
        return Reply.of("Send /preview large, /preview small or /preview none.");
    }

    public static Reply previewState(String choice) {
        return Reply.of("Link previews: {}. ", choice).then(previewUsage());
    }

    public static Reply unknownPreview(String choice) {
        return Reply.of("I don't know the preview '{}'. ", Quote.prefix(choice)).then(previewUsage());
    }

    public static Reply previewLarge() {
        return Reply.of("Done: alerts show the article's preview large, above the text.");
    }

    public static Reply previewSmall() {
        return Reply.of("Done: alerts show a small preview of the article.");
    }

    public static Reply previewNone() {
        return Reply.of("Done: alerts show no link preview.");
    }

    public static Reply previewsUnavailable() {
        return Reply.of("Link previews cannot be changed here.");
    }

    // ---- trying a query: /test and the preview in /subscribe's reply ----------------------------------------------

    public static Reply testWhat() {
        return Reply.of("Tell me a query to try, e.g. /test {}", EXAMPLE);
    }

    /** How the query reads once normalised. */
    public static Reply queryReads(String normalised) {
        return Reply.of("Your query reads: {}", Reply.code(normalised));
    }

    /**
     * Which of the last {@code seen} stories would have matched; at most {@code shown} of the {@code total}
     * matches are listed.
     */
    public static Reply wouldHaveMatched(int seen, int total, List<Reply> shown) {
        if (seen == 0) {
            return Reply.of("I have not seen any stories yet, so there is nothing to try it on.");
        }
        if (total == 0) {
            return Reply.of("None of the last {} stories I have seen would have matched.", seen);
        }
        Reply out = Reply.of("{} of the last {} stories I have seen would have matched:", total, seen);
        for (Reply story : shown) {
            out = out.then(Reply.of("\n• ")).then(story);
        }
        return total > shown.size() ? out.then(Reply.of("\n…and {} more.", total - shown.size())) : out;
    }

    /** One story in a {@code /test} answer: its title with the matched words standing out, its feed and link. */
    public static Reply story(Reply highlightedTitle, String feed, String link) {
        Reply out = highlightedTitle.then(Reply.of(" ({})", feed));
        return link.isBlank() ? out : out.then(Reply.of(" ")).then(Reply.of("{}", Reply.link(link, "open")));
    }

    public static Reply nothingSaved() {
        return Reply.of("Nothing was saved. /subscribe with the same query to get alerts.");
    }

    // ---- Slack's App Home tab ------------------------------------------------------------------------------

    public static Reply homeEmpty() {
        return Reply.of("No subscriptions in your channels yet. Type /subscribe <query> in one.");
    }

    public static Reply homeShowing(int shown, int total) {
        return Reply.of("Showing {} of {}; /list in a channel shows all.", shown, total);
    }

    public static Reply homeAddOne() {
        return Reply.of("/subscribe <query> in a channel adds one.");
    }

    // Query checks (ChatQuery)

    public static Reply nothingToMatch(List<String> dropped) {
        return Reply.of("That query has nothing I can match: {} has no letters or digits. Use words, e.g."
                + " /subscribe wildfire", String.join(" ", dropped));
    }

    public static Reply droppedTerms(List<String> dropped) {
        return Reply.of("Note: I left out {} (no letters or digits to match).", String.join(" ", dropped));
    }

    public static Reply lowercaseOperator(String word) {
        String example = switch (word) {
            case "and" -> "nato AND otan";
            case "or" -> "nato OR otan";
            default -> "kursk NOT moscow";
        };
        return Reply.of("Note: \"{}\" is read as a word to look for. To combine terms, write it in capitals, e.g. {}.",
                word, Reply.code(example));
    }

    public static Reply unknownFeed(java.util.Set<String> unknown, java.util.Set<String> known) {
        return Reply.of("I don't know the feed {}. source: takes one of: {}.",
                String.join(", ", unknown.stream().map(f -> "'" + Quote.prefix(f) + "'").toList()),
                String.join(", ", known));
    }

    /** A Slack channel the bot is not in. */
    public static Reply slackNotInChannel() {
        return Reply.of("I'm not in this channel, so I could not post alerts here. Invite me first: type {} in the"
                + " channel (or open the channel's details, Integrations, Add apps), then subscribe again.",
                Reply.code("/invite @Herald"));
    }
}
