package io.herald.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryMatchingTest {

    @ParameterizedTest(name = "[{index}] {0} on title={1} text={2} source={3} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", value = {
            // query                      | title                      | text                              | source     | match
            "kursk                        | Fighting in Kursk          |                                   | world      | true",
            "kursk                        |                            | The Kursk region, again.          | world      | true",
            "kursk                        | Kursky street              | kurs k                            | world      | false",
            "KURSK                        | fighting in kursk          |                                   | world      | true",
            // accents and case folding
            "zurich                       | Zürich votes               |                                   | world      | true",
            "Zürich                       | ZURICH votes               |                                   | world      | true",
            "ete                          | L'ÉTÉ arrive               |                                   | world      | true",
            "été                          | ete                        |                                   | world      | true",
            "strasse                      | Die Straße                 |                                   | world      | true",
            "straße                       | DIE STRASSE                |                                   | world      | true",
            "οδός                         | ΟΔΟΣ                       |                                   | world      | true",
            // word boundaries
            "korea                        | Korea's leader             |                                   | world      | true",
            "korea's                      | Korea's leader             |                                   | world      | true",
            "korea's                      | Korea leader               |                                   | world      | false",
            "korea's                      | Korea s                    |                                   | world      | true",
            "covid-19                     | COVID-19 cases rise        |                                   | world      | true",
            "covid                        | COVID-19 cases rise        |                                   | world      | true",
            "19                           | COVID-19 cases rise        |                                   | world      | true",
            "\"covid-19\"                 | covid 19                   |                                   | world      | true",
            "covid-19                     | covid in 19 countries      |                                   | world      | false",
            "covid:19                     | COVID 19                   |                                   | world      | true",
            "kursk,                       | Kursk                      |                                   | world      | true",
            // CJK and Thai: every character is a word
            "東京                          | 東京都の知事                |                                   | world      | true",
            "京都                          | 東京都                      |                                   | world      | true",
            "東京                          | 京東                        |                                   | world      | false",
            "知事                          |                            | 東京都の知事が発表                  | world      | true",
            "カタカナ                      | カタカナ語                   |                                   | world      | true",
            "กรุงเทพ                       | ข่าวกรุงเทพมหานคร             |                                   | world      | true",
            "กรุงเทพ                       | เชียงใหม่                     |                                   | world      | false",
            "서울                          | 서울 news                   |                                   | world      | true",
            "서울                          | 서울시 news                  |                                   | world      | false",
            // lowercase operators are words
            "nato or sport                | nato sport                 |                                   | world      | false",
            "nato or sport                | nato or sport              |                                   | world      | true",
            "not                          | this is not it             |                                   | world      | true",
            "nato And sport               | nato and sport             |                                   | world      | true",
            "nato And sport               | nato sport                 |                                   | world      | false",
            // phrases
            "\"north korea\"              | North Korea tests          |                                   | world      | true",
            "\"north korea\"              | Korea north                |                                   | world      | false",
            "\"north korea\"              | North and South Korea      |                                   | world      | false",
            "\"north korea\"              | Talks in the north         | Korea said no                     | world      | false",
            "\"north korea\"              | Talks                      | In North Korea today              | world      | true",
            "\"nato (summit)\"            | NATO summit opens          |                                   | world      | true",
            "\"korea*\"                   | Koreans                    |                                   | world      | false",
            "\"korea*\"                   | Korea                      |                                   | world      | true",
            // prefixes
            "korea*                       | Koreans protest            |                                   | world      | true",
            "korea*                       | Korea                      |                                   | world      | true",
            "korea*                       | South Kore                 |                                   | world      | false",
            "north-kor*                   | North Koreans              |                                   | world      | true",
            "north-kor*                   | North Carolina Koreans     |                                   | world      | false",
            // fields
            "title:nato                   | NATO summit                |                                   | world      | true",
            "title:nato                   | Summit                     | nato                              | world      | false",
            "title:\"north korea\"        | North Korea tests          |                                   | world      | true",
            "title:\"north korea\"        | North                      | Korea                             | world      | false",
            "title:\"north korea\"        | Tests                      | north korea                       | world      | false",
            "title:kor*                   | Korean                     |                                   | world      | true",
            "title:kor*                   | News                       | Korean                            | world      | false",
            "title:(nato OR kursk) drone  | Kursk                      | drone                             | world      | true",
            "title:(nato OR kursk) drone  | Drone                      | kursk                             | world      | false",
            "source:world                 | anything                   |                                   | world      | true",
            "source:world                 | anything                   |                                   | World      | true",
            "source:WORLD                 | anything                   |                                   | world      | true",
            "source:world                 | anything                   |                                   | world-news | false",
            "source:world-news            | anything                   |                                   | world-news | true",
            "source:world nato            | NATO                       |                                   | tech       | false",
            // precedence
            "a OR b c                     | a                          |                                   | world      | true",
            "a OR b c                     | b                          |                                   | world      | false",
            "a OR b c                     | c b                        |                                   | world      | true",
            "NOT a b                      | b                          |                                   | world      | true",
            "NOT a b                      | a b                        |                                   | world      | false",
            "NOT a b                      | x                          |                                   | world      | false",
            "a AND b OR c                 | c                          |                                   | world      | true",
            "-a b OR c                    | a c                        |                                   | world      | true",
            // negation
            "nato -sport                  | NATO news                  | sport                             | world      | false",
            "nato NOT sport               | NATO news                  | politics                          | world      | true",
            "nato (summit -cancelled)     | nato summit                |                                   | world      | true",
            "nato (summit -cancelled)     | nato summit                | cancelled                         | world      | false",
            "nato -(sport OR football)    | nato football              |                                   | world      | false",
            "nato -(sport OR football)    | nato news                  |                                   | world      | true",
            "nato -\"north korea\"        | nato                       | north and korea                   | world      | true",
            "nato -title:sport            | nato                       | sport                             | world      | true",
            "nato -title:sport            | nato sport                 |                                   | world      | false",
            "nato -source:tech            | nato                       |                                   | tech       | false",
    })
    void matchesLikeTheContract(String query, String title, String text, String source, boolean expected)
            throws QueryException {
        assertThat(Query.parse(query).matches(new Document(title, text, source))).isEqualTo(expected);
    }

    @Test
    void buildsDocumentFromItemTitleTextAndFeed() throws QueryException {
        Item item = new Item("world", "id-1", "Kursk", "https://example.org/1", Optional.of(Instant.EPOCH),
                "teaser about drones", "", List.of(), List.of());
        Document document = Document.of(item);
        assertThat(document.source()).isEqualTo("world");
        assertThat(document.titleWords()).containsExactly("kursk");
        assertThat(document.textWords()).containsExactly("teaser", "about", "drones");
        assertThat(Query.parse("title:kursk drones source:world").matches(document)).isTrue();
    }

    @Test
    void explainsWhichWantedTermsMatched() throws QueryException {
        Query query = Query.parse("(kursk OR title:\"north korea\" OR missing) -sport korea*");
        Document document = new Document("North Korea and Kursk", "Koreans", "world");
        assertThat(query.explain(document)).containsExactly("kursk", "title:\"north korea\"", "korea*");
    }

    @Test
    void treatsNullFieldsAsEmpty() throws QueryException {
        Document document = new Document(null, null, null);
        assertThat(document.title()).isEmpty();
        assertThat(Query.parse("nato").matches(document)).isFalse();
    }
}
