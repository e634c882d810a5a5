package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.Opml;
import io.herald.testsupport.CapturedStdStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald opml import|export}: round trips on real OPML files, and a partly bad file refused whole. */
class OpmlCommandTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStdStreams std = new CapturedStdStreams();

    private static List<Path> corpusOpml() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS + " absent: OPML round trips skipped");
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().toLowerCase().contains("opml")).sorted().toList();
            Assumptions.assumeFalse(found.isEmpty(), "no OPML files under " + CORPUS + ": round trips skipped");
            return found;
        }
    }

    private int opml(String db, String... args) {
        String[] all = Stream.concat(Stream.of("opml"), Stream.concat(Stream.of(args),
                Stream.of("--db", dir.resolve(db).toString(), "--config", dir.resolve("none.yml").toString())))
                .toArray(String[]::new);
        return Main.execute(all);
    }

    @Test
    void importThenExportGivesTheSameFeedsForEveryCorpusFile() throws Exception {
        int roundTrips = 0;
        for (Path file : corpusOpml()) {
            List<String> urls = Opml.read(Files.readAllBytes(file)).stream().map(Opml.Outline::xmlUrl).toList();
            String db = file.getFileName() + ".db";
            if (urls.isEmpty()) {
                assertThat(opml(db, "import", file.toString())).as(file.toString()).isEqualTo(2);
                assertThat(std.err()).contains(file + ": no feed outlines");
                continue;
            }
            assertThat(opml(db, "import", file.toString())).as(file + ": " + std.err()).isZero();
            Path exported = dir.resolve(file.getFileName() + ".out.opml");
            assertThat(opml(db, "export", "--out", exported.toString())).isZero();

            List<Opml.Outline> out = Opml.read(Files.readAllBytes(exported));
            assertThat(out).extracting(Opml.Outline::xmlUrl).as(file.toString())
                    .containsExactlyInAnyOrderElementsOf(urls);

            String again = file.getFileName() + ".again.db";
            assertThat(opml(again, "import", exported.toString())).isZero();
            Path second = dir.resolve(file.getFileName() + ".second.opml");
            assertThat(opml(again, "export", "--out", second.toString())).isZero();
            assertThat(Files.readString(second)).as("ids and URLs survive a second round trip")
                    .isEqualTo(Files.readString(exported));
            assertThat(opml(again, "import", exported.toString())).as("importing the same feeds again").isEqualTo(2);
            roundTrips++;
        }
        assertThat(roundTrips).isPositive();
    }

    @Test
    void aPartlyBadFileIsRefusedWholeWithEveryProblemByLine() throws Exception {
        Path good = Files.writeString(dir.resolve("good.opml"), """
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>t</title></head><body>
                  <outline text="World" type="rss" xmlUrl="https://news.example.org/world.xml"/>
                </body></opml>
                """, StandardCharsets.UTF_8);
        assertThat(opml("db", "import", good.toString())).isZero();

        Path bad = Files.writeString(dir.resolve("bad.opml"), """
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>t</title></head><body>
                  <outline text="Fine" type="rss" xmlUrl="https://news.example.org/europe.xml"/>
                  <outline text="Folder">
                    <outline text="Not web" type="rss" xmlUrl="ftp://news.example.org/feed"/>
                    <outline text="Again" type="rss" xmlUrl="https://NEWS.example.org:443/world.xml"/>
                  </outline>
                  <outline text="Twice" type="rss" xmlUrl="https://news.example.org/europe.xml#top"/>
                  <outline text="Broken" type="rss" xmlUrl="http://exa mple.org/x"/>
                </body></opml>
                """, StandardCharsets.UTF_8);
        assertThat(opml("db", "import", bad.toString())).isEqualTo(2);
        assertThat(std.err()).contains(bad + ":5: bad URL \"ftp://news.example.org/feed\": only http and https")
                .contains(bad + ":6: duplicate: https://NEWS.example.org:443/world.xml is already feed world")
                .contains(bad + ":8: duplicate: https://news.example.org/europe.xml#top is already on line 3")
                .contains(bad + ":9: bad URL \"http://exa mple.org/x\"")
                .contains("nothing was imported");

        Path exported = dir.resolve("exported.opml");
        assertThat(opml("db", "export", "--out", exported.toString())).isZero();
        assertThat(Opml.read(Files.readAllBytes(exported))).extracting(Opml.Outline::xmlUrl)
                .as("all or nothing: the good line 3 was not added either")
                .containsExactly("https://news.example.org/world.xml");
    }

    @Test
    void aDocumentWithADoctypeOrNotOpmlIsRefused() throws Exception {
        Path entity = Files.writeString(dir.resolve("entity.opml"), """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/rss"/></body></opml>
                """, StandardCharsets.UTF_8);
        assertThat(opml("db", "import", entity.toString())).isEqualTo(2);
        assertThat(std.err()).contains(entity + ": line 2: not well-formed XML").doesNotContain("root:");

        Path rss = Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel/></rss>");
        assertThat(opml("db", "import", rss.toString())).isEqualTo(2);
        assertThat(std.err()).contains(rss + ": the document is not OPML");
    }
}
