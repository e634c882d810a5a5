package io.herald.feed.conformance;

import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whole-document groups: ROME's and node-feedparser's test feeds must parse (or be refused in one sentence, for
 * the few that are no feed), never crash or hang; defusedxml's attack samples, as they are and wrapped into an RSS
 * feed, must never leak a local file's content or expand an entity bomb into the output.
 */
public final class SmokeSuites {
    private static final URI BASE = URI.create("http://corpus.test/feed.xml");
    private static final int MAX_TEXT = 100_000;

    private final Path feeds;
    private final TimedParse parser;

    public SmokeSuites(Path feeds, TimedParse parser) {
        this.feeds = feeds;
        this.parser = parser;
    }

    public List<GroupScore> run(Path secretFile, String secret) throws IOException {
        return List.of(parsesAll("rome test feeds", feeds.resolve("rome")),
                parsesAll("node-feedparser test feeds", feeds.resolve("node-feedparser")),
                attacks(secretFile, secret));
    }

    private GroupScore parsesAll(String name, Path dir) throws IOException {
        GroupScore score = new GroupScore(name, "docs");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(SmokeSuites::isFeedFile).sorted().toList()) {
                TimedParse.Outcome o = parser.parse(Files.readAllBytes(f), Optional.empty(), BASE);
                String file = dir.relativize(f).toString();
                if (Scoring.noCrash(null, file, o)) {
                    boolean notAFeed = file.contains("notafeed") || o.refused().map(e -> e.getMessage()
                            .contains("not an RSS, Atom or JSON feed")).orElse(false) && !looksLikeFeed(f);
                    score.record(o.parsed() || notAFeed, file + ": " + o.refused().map(Throwable::getMessage)
                            .orElse(""));
                } else {
                    Scoring.noCrash(score, file, o);
                }
            }
        }
        return score;
    }

    private static boolean isFeedFile(Path f) {
        String n = f.getFileName().toString();
        return Files.isRegularFile(f) && (n.endsWith(".xml") || n.endsWith(".atom") || n.endsWith(".rss")
                || n.endsWith(".rdf") || n.endsWith(".html"));
    }

    private static boolean looksLikeFeed(Path f) throws IOException {
        String head = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    }

    private GroupScore attacks(Path secretFile, String secret) throws IOException {
        GroupScore score = new GroupScore("defusedxml attacks (0 leaks)", "docs");
        try (Stream<Path> files = Files.list(feeds.resolve("defusedxml/xmltestdata"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String doc = Files.readString(f, StandardCharsets.UTF_8)
                        .replace("file:///PATH/TO/xmltestdata/simple.xml", secretFile.toUri().toString());
                attack(score, f.getFileName().toString(), doc, secret);
                attack(score, f.getFileName() + " as RSS", asRss(doc), secret);
            }
        }
        return score;
    }

    /** The sample's DOCTYPE kept, its root's content moved into an RSS item's title and description. */
    static String asRss(String doc) {
        int rootStart = doc.indexOf("<root");
        if (rootStart < 0) {
            return doc;
        }
        String prolog = doc.substring(0, rootStart).replace("<!DOCTYPE external", "<!DOCTYPE rss")
                .replace("<!DOCTYPE xmlbomb", "<!DOCTYPE rss").replace("<!DOCTYPE cyclic", "<!DOCTYPE rss");
        String inner = doc.substring(doc.indexOf('>', rootStart) + 1, Math.max(doc.lastIndexOf("</root>"), rootStart));
        return prolog + "<rss version=\"2.0\"><channel><title>t</title><link>http://a.test/</link>"
                + "<description>d</description><item><title>" + inner + "</title><description>" + inner
                + "</description><link>http://a.test/1</link></item></channel></rss>";
    }

    private void attack(GroupScore score, String name, String doc, String secret) {
        TimedParse.Outcome o = parser.parse(doc.getBytes(StandardCharsets.UTF_8), Optional.of("application/xml"),
                BASE);
        if (!Scoring.noCrash(null, name, o)) {
            Scoring.noCrash(score, name, o);
            return;
        }
        String out = o.feed().map(SmokeSuites::allText).orElse("")
                + o.refused().map(Throwable::getMessage).orElse("");
        boolean leak = out.contains(secret) || out.length() > MAX_TEXT;
        score.record(!leak, name + " leaked (" + out.length() + " chars)");
    }

    private static String allText(ParsedFeed feed) {
        StringBuilder out = new StringBuilder(feed.title());
        for (Item item : feed.items()) {
            out.append(item.title()).append(item.summary()).append(item.content());
        }
        return out.toString();
    }
}
