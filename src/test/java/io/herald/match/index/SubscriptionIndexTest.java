package io.herald.match.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.match.index.MatchExplanation.Field;
import io.herald.match.index.MatchExplanation.Occurrence;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {
    private final SubscriptionIndex index = new SubscriptionIndex();

    @ParameterizedTest(name = "{0} on \"{1}\" / \"{2}\" from {3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "kursk                     | Kursk offensive  | ''                      | world | true",
        "kursk                     | ''               | more on KURSK           | world | true",
        "kursk                     | Kurskaya         | ''                      | world | false",
        "kor*                      | ''               | Korean talks            | world | true",
        "ko*                       | ''               | Kosovo                  | world | true",
        "k*                        | ''               | ok                      | world | false",
        "korea*                    | ''               | the Koreans             | world | true",
        "korea*                    | ''               | Korps                   | world | false",
        "title:korea*              | north            | Koreans                 | world | false",
        "title:korea*              | Koreans          | ''                      | world | true",
        "\"north korea\"           | ''               | North-Korea's test      | world | true",
        "\"north korea\"           | north            | Korea                   | world | false",
        "north-kor*                | ''               | North Koreans           | world | true",
        "title:\"north korea\"     | News             | north korea             | world | false",
        "source:world              | ''               | anything                | World | true",
        "source:world              | ''               | anything                | tech  | false",
        "nato -sport               | NATO summit      | ''                      | world | true",
        "nato -sport               | NATO summit      | sport                   | world | false",
        "nato OR title:nato        | NATO             | nato                    | world | true",
        "zurich                    | Zürich           | ''                      | world | true",
        "東京                      | ''               | 在東京都                | world | true",
        "(a OR b) AND (c OR d)     | ''               | b then d                | world | true",
        "(a OR b) AND (c OR d)     | ''               | b then e                | world | false",
    })
    void matchesLikeTheQueryLanguage(String query, String title, String text, String source, boolean matches)
            throws QueryException {
        index.add(7, Query.parse(query), Set.of());
        assertThat(index.match(new Document(title, text, source))).isEqualTo(matches ? new long[] {7} : new long[0]);
    }

    @Test
    void reportsASubscriptionReachedThroughSeveralKeysOnce() throws QueryException {
        index.add(1, Query.parse("nato OR kursk OR title:nato OR kur* OR source:world"), Set.of());
        assertThat(index.match(new Document("NATO", "nato kursk kurds", "world"))).containsExactly(1);
    }

    @Test
    void limitsSubscriptionsToTheirFeedsExactly() throws QueryException {
        index.add(1, Query.parse("nato"), Set.of("world"));
        index.add(2, Query.parse("nato"), Set.of());
        index.add(3, Query.parse("nato"), Set.of("tech", "science"));
        assertThat(index.match(new Document("nato", "", "world"))).containsExactlyInAnyOrder(1, 2);
        assertThat(index.match(new Document("nato", "", "World"))).containsExactly(2);
        assertThat(index.match(new Document("nato", "", "science"))).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void replacesASubscriptionAddedAgainUnderItsId() throws QueryException {
        index.add(5, Query.parse("nato"), Set.of());
        index.add(5, Query.parse("kursk"), Set.of());
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.match(new Document("nato", "", ""))).isEmpty();
        assertThat(index.match(new Document("kursk", "", ""))).containsExactly(5);
    }

    @Test
    void forgetsRemovedSubscriptionsAndReusesTheirRoom() throws QueryException {
        index.add(1, Query.parse("nato"), Set.of());
        index.add(2, Query.parse("nato OR kursk"), Set.of());
        assertThat(index.remove(1)).isTrue();
        assertThat(index.remove(1)).isFalse();
        assertThat(index.remove(99)).isFalse();
        index.add(3, Query.parse("kur*"), Set.of());
        assertThat(index.match(new Document("nato", "kursk", ""))).containsExactlyInAnyOrder(2, 3);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.contains(1)).isFalse();
    }

    @Test
    void explainsWhichTermsMatchedAndWhere() throws QueryException {
        index.add(4, Query.parse("\"north korea\" OR zurich* OR -sport kursk OR source:World"), Set.of());
        Document document = new Document("North Korea, Zürich", "Talks in zürichsee; north  KOREA again", "world");

        MatchExplanation explanation = index.explain(4, document).orElseThrow();

        assertThat(explanation.termTexts()).containsExactly("\"north korea\"", "zurich*", "source:world");
        assertThat(explanation.terms().get(0).occurrences()).containsExactly(
                new Occurrence(Field.TITLE, 0, 2, 0, 11), new Occurrence(Field.TEXT, 3, 2, 20, 32));
        assertThat(explanation.terms().get(1).occurrences()).extracting(
                o -> (o.field() == Field.TITLE ? document.title() : document.text()).substring(o.start(), o.end()))
                .containsExactly("Zürich", "zürichsee");
        assertThat(explanation.terms().get(2).occurrences()).containsExactly(
                new Occurrence(Field.SOURCE, 0, 0, 0, 5));
        assertThat(index.matchExplained(document)).containsExactly(explanation);
    }

    @Test
    void explainsNothingForSubscriptionsThatDoNotMatch() throws QueryException {
        index.add(1, Query.parse("nato"), Set.of("world"));
        assertThat(index.explain(1, new Document("kursk", "", "world"))).isEmpty();
        assertThat(index.explain(1, new Document("nato", "", "tech"))).isEmpty();
        assertThat(index.explain(2, new Document("nato", "", "world"))).isEmpty();
    }
}
