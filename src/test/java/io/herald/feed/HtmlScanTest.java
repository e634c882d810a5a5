package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** The one-pass reading of feed HTML must say exactly what the full parse says, or step aside. */
class HtmlScanTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>One</p><p>Two &amp; three</p>",
        "<p>Caf&eacute; <b>bold</b> <a href=\"http://x.test/?a=1&amp;b=2\" title='q \"x\"'>link</a></p>",
        "Line one<br>line two<br/>line three<BR />end",
        "<div><p>unclosed paragraph<p>second</div>after",
        "<ul><li>one<li>two<ul><li>nested</li></ul></li><li>three</ul>",
        "<p>para<ul><li>list</li></ul>tail",
        "<dl><dt>term<dd>definition<dt>other</dl>",
        "<p>before</p><script type=\"text/javascript\">var s = '<p>' + (1 < 2);</script>after",
        "<style>p > a { color: red }</STYLE >styled",
        "<table><tr><td>Price</td><td>10</td></tr>\n<tr><td>Tax<td>2</table>after",
        "<p>intro<table>\n <thead><tr><th>a<th>b</thead><tbody><tr><td><p>x<td><b>y</td></tr></tbody></table>",
        "<table><td>implied row</td></table><td>stray cell</td></tr>",
        "<table><tr><td>outer<table><tr><td>inner</td></tr></table>tail</td></tr></table>",
        "<div><table><tr><td>x</div>y</td></tr></table></div>z",
        "<h2>Head</h2><p>text with <img src=x.png alt=\"pic\"> an image</p>",
        "a < b and c<3 and <",
        "<!-- a comment --><p>after</p><!-- another -- with dashes -->",
        "<p>x</p></div></li>y</p>z</br>w",
        "<blockquote>quoted<br>text</blockquote><hr>rule",
        "<pre>\n  code\n  more</pre>",
        "<span>&#233;&#x41; &hellip; &nbsp;&nbsp;</span>",
        "<p>AT&T &copy 2024 &notit; &#128; &amp</p>",
        "<a href=x>one</a><a href=y>two</a>",
    })
    void readsWhatTheFullParseReads(String html) {
        assertThat(HtmlScan.text(html)).as("taken by the scan").isNotNull();
        assertThat(PlainText.text(html)).isEqualTo(PlainText.markup(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<table><tr><td>cell</td></tr>stray</table>",
        "<table><div>block in a table</div></table>",
        "<table><caption>c</caption><tr><td>x</table>",
        "<script><!-- document.write('<script>x</script>') --></script>text",
        "<script src=x.js/>text",
        "<style title=\"/>\">p {}</style>text",
        "<script>never closed",
        "<script>document.write('</div>')</script>text",
        "<b>bold <i>both</b> italic</i>",
        "<p>para <b>bold<div>block</div></b>",
        "<a href=1>one<a href=2>two</a>",
        "<custom-tag>x</custom-tag>",
        "<!DOCTYPE html><p>x</p>",
        "<p>x<!-- unterminated",
        "<p title=\"unterminated>x",
        "<p a=b\"c>x</p>",
        "text\u0000nul",
        "<li>a<b>b<li>c",
        "<h1>a</h2>b",
    })
    void leavesTheRestToTheParser(String html) {
        assertThat(HtmlScan.text(html)).isNull();
        assertThat(PlainText.text(html)).isEqualTo(PlainText.markup(html));
    }

    /** The first 38 names are those the scan reads; the rest only now and then. */
    private static final String[] NAMES = {"table", "tr", "td", "th", "tbody", "thead", "p", "div", "br", "li",
        "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "blockquote", "pre", "section", "figure", "figcaption", "hr",
        "address", "a", "b", "i", "em", "strong", "span", "font", "img", "wbr", "code", "small", "sup", "q",
        "script", "style", "iframe", "form", "button", "center", "caption", "tfoot", "col", "title", "image", "x-y",
        "noscript", "select", "option", "textarea"};
    private static final String[] TEXT = {"word", " ", "  ", "\n", "\n  ", "\r\n", "\t", "<", "< 3", "a<3", "&", "& ",
        "&amp;", "&lt;", "&gt;", "&nbsp;", "&eacute;", "&hellip;", "&copy", "&copy;", "&notit;", "&notin;",
        "&#233;", "&#x41;", "&#X41;", "&#0;", "&#128;", "&#x110000;", "&#10;", "&#13;", "&#65", "&AMP;", "&amp",
        "&unknown;", "&#;", "&#x;", "é", "€", "\u00a0", "—", "日本", "\u0000", "]]>", "=", "\"", "'"};
    private static final String[] ODD = {"<!-- c -->", "<!-->", "<!--->", "<!-- a --!> b", "<!-- open",
        "<!DOCTYPE html>", "<?xml x?>", "</script>", "</style >", "<script>a<b>c</script>", "</SCRIPT",
        "<![CDATA[x]]>", "</>", "</ x>", "<3", "</", "<", "<p", "<a href='x"};

    @Test
    void deepNestingStepsAsideAndManyCommentsAreRead() {
        String deep = "<b>".repeat(5_000) + "x" + "</b>".repeat(5_000);
        assertThat(HtmlScan.text(deep)).isNull();
        assertThat(PlainText.text(deep)).isEqualTo("x");
        String comments = "<p>a</p>" + "<!-- c -->w ".repeat(50_000);
        assertThat(HtmlScan.text(comments)).isNotNull();
        assertThat(PlainText.text(comments)).isEqualTo(PlainText.markup(comments));
    }

    @Test
    void randomMarkupNeverReadsDifferently() {
        Random random = new Random(20261130);
        int taken = 0;
        int cases = 30_000;
        for (int n = 0; n < cases; n++) {
            String html = soup(random);
            String scanned = HtmlScan.text(html);
            if (scanned != null) {
                taken++;
                assertThat(PlainText.text(html)).as("text of %s", html).isEqualTo(PlainText.markup(html));
            }
        }
        assertThat(taken).as("cases the scan takes").isGreaterThan(cases / 10);
    }

    private static String soup(Random random) {
        StringBuilder s = new StringBuilder();
        int tokens = 1 + random.nextInt(24);
        for (int t = 0; t < tokens; t++) {
            int kind = random.nextInt(20);
            if (kind < 8) {
                s.append(TEXT[random.nextInt(TEXT.length)]);
            } else if (kind < 18) {
                String name = NAMES[random.nextInt(random.nextInt(8) == 0 ? NAMES.length : 38)];
                if (random.nextBoolean()) {
                    name = name.toUpperCase();
                }
                s.append(random.nextInt(3) == 0 ? "</" : "<").append(name).append(attributes(random))
                        .append(random.nextInt(6) == 0 ? "/>" : ">");
            } else {
                s.append(ODD[random.nextInt(ODD.length)]);
            }
        }
        return s.toString();
    }

    private static String attributes(Random random) {
        StringBuilder s = new StringBuilder();
        int count = random.nextInt(4) == 0 ? random.nextInt(3) : 0;
        for (int a = 0; a < count; a++) {
            s.append(random.nextBoolean() ? " " : "\n");
            switch (random.nextInt(7)) {
                case 0 -> s.append("href=\"http://x.test/?a=1&amp;b=<2>\"");
                case 1 -> s.append("title='it\"s'");
                case 2 -> s.append("class=plain");
                case 3 -> s.append("disabled");
                case 4 -> s.append("a = \"spaced\"");
                case 5 -> s.append("x=y\"z");
                default -> s.append("=odd");
            }
        }
        return s.toString();
    }

    /** Every element text of the corpus feeds that carries markup reads the same both ways. */
    @Test
    void corpusMarkupReadsAsTheFullParseReads() throws Exception {
        Path corpus = Path.of("..", "shared", "corpus", "feeds");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared/corpus/feeds is absent: corpus check skipped");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(Files::isRegularFile).filter(HtmlScanTest::isXml).toList()) {
                texts.addAll(elementTexts(f));
            }
        }
        int taken = 0;
        int marked = 0;
        for (String text : texts) {
            if (text.indexOf('<') < 0) {
                continue;
            }
            marked++;
            if (HtmlScan.text(text) != null) {
                taken++;
                assertThat(PlainText.text(text)).as("text of %s", text).isEqualTo(PlainText.markup(text));
            }
        }
        assertThat(marked).isGreaterThan(1000);
        assertThat(taken).as("corpus texts with markup the scan takes, of %d", marked).isGreaterThan(marked / 2);
    }

    private static boolean isXml(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".rdf");
    }

    /** The character data of each element without element children (parse failures give what was read). */
    private static List<String> elementTexts(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        SAXParser parser = factory.newSAXParser();
        StringBuilder text = new StringBuilder();
        try {
            parser.parse(new InputSource(new StringReader(XmlCharset.decode(Files.readAllBytes(file),
                    java.util.Optional.empty()).text())), new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String local, String qName, Attributes atts) {
                            text.setLength(0);
                        }

                        @Override
                        public void endElement(String uri, String local, String qName) {
                            if (text.length() > 0) {
                                out.add(text.toString());
                            }
                            text.setLength(0);
                        }

                        @Override
                        public void characters(char[] ch, int start, int length) {
                            text.append(ch, start, length);
                        }
                    });
        } catch (org.xml.sax.SAXException | IOException e) {
            return out;
        }
        return out;
    }
}
