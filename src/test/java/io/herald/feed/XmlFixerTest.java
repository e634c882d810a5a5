package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlFixerTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t ", "<rss/>", "  <!-- c -->\n<rss/>", "<!-- a --><!-- b -->  <x/>",
            "<!-- unterminated", "<!-x>", "<!DOCTYPE rss><rss/>", "<", "<!", "<!-", "<!--", "<!-- --->x",
            "x&y", "<a>&eacute; &nbsp;&hellip;&amp;&lt;&#233;&#x41;&;&unknown;</a>", "<a>&&</a>", "<a>& b</a>",
            "<a>&copy</a>", "<a>end&", "<a>end&amp", "<a href=\"x&y\">&z</a>",
            "<a\nhref='&x'>t</a>", "<d><![CDATA[a & b &nbsp; ]] ]]] ]x ]]]> c ]]> & d</d>",
            "<d><![CDATA[x]]></d>&e", "<![CDATA[", "<d><![CDAT[x]]>&</d>", "<d><![CDATA[ < & ]]>",
            "<d><![CDATA[ ]", "<d><![CDATA[ ]]",
            "<a>&gt;&quot;&apos;&#;&#X41;&lt &ltx; &gt &qu; &amps; &AMP; &Lt;</a>", "\uFEFF<rss/>",
            "<r>é ü 日本 &euro;</r>", "a]]>&b"})
    void rewritesExactlyAsRomesReader(String input) throws IOException {
        assertThat(new XmlFixer().fix(input)).isEqualTo(viaRome(input));
    }

    @Test
    void agreesWithRomesReaderOnEveryCorpusFeed() throws IOException {
        Path corpus = Path.of("..", "shared", "corpus", "feeds");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus " + corpus + " absent: skipped");
        XmlFixer fixer = new XmlFixer();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(xml|rss|atom|rdf)"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(fixer.fix(text)).as(file.toString()).isEqualTo(viaRome(text));
        }
    }

    private static String viaRome(String text) throws IOException {
        try (XmlFixerReader reader = new XmlFixerReader(new StringReader(text))) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) > 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }
}
