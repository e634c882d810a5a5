package io.herald.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParsingTest {

    @ParameterizedTest(name = "[{index}] {0}  =>  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "kursk                         | kursk",
            "\"north korea\"               | \"north korea\"",
            "korea*                        | korea*",
            "korea**                       | korea*",
            "a b                           | a AND b",
            "a AND b                       | a AND b",
            "a OR b                        | a OR b",
            "a OR b c                      | a OR (b AND c)",
            "a b OR c                      | (a AND b) OR c",
            "NOT a b                       | NOT a AND b",
            "-a b                          | NOT a AND b",
            "NOT (a b) c                   | NOT (a AND b) AND c",
            "(a OR b) c                    | (a OR b) AND c",
            "a AND(b OR c)                 | a AND (b OR c)",
            "((a))                         | a",
            "a OR (b OR c)                 | a OR b OR c",
            "a -(b OR c)                   | a AND NOT (b OR c)",
            "a --b                         | a AND NOT NOT b",
            "a NOT -b                      | a AND NOT NOT b",
            "a OR -b c                     | a OR (NOT b AND c)",
            "covid-19                      | \"covid 19\"",
            "COVID-19                      | \"covid 19\"",
            "\"covid-19\"                  | \"covid 19\"",
            "東京                          | \"東 京\"",
            "kursk,                        | kursk",
            "\"nato (summit)\"             | \"nato summit\"",
            "\"nato AND OR NOT\"           | \"nato and or not\"",
            "\"korea*\"                    | korea",
            "korea's                       | \"korea s\"",
            "a or b                        | a AND or AND b",
            "And Or Not nOT x              | and AND or AND not AND not AND x",
            "Zürich ÉTÉ Straße             | zurich AND ete AND strasse",
            "title:Korea                   | title:korea",
            "TITLE:korea                   | title:korea",
            "title:\"North Korea\"         | title:\"north korea\"",
            "title:kor*                    | title:kor*",
            "title:covid-19                | title:\"covid 19\"",
            "title:AND                     | title:and",
            "title:(a OR b) c              | (title:a OR title:b) AND c",
            "title:(a -b)                  | title:a AND NOT title:b",
            "-title:sport nato             | NOT title:sport AND nato",
            "source:World-News             | source:world-news",
            "source:\"world\"              | source:world",
            "source:world -sport           | source:world AND NOT sport",
            "covid:19                      | \"covid 19\"",
            "http://example.org            | \"http example org\"",
            "north-kor*                    | north-kor*",
            "ko*rea                        | \"ko rea\"",
            "“north korea” kursk           | \"north korea\" AND kursk",
            "„north korea“                 | \"north korea\"",
            "a\"b c\"d                     | a AND \"b c\" AND d",
            "nato (a OR b) -sport          | nato AND (a OR b) AND NOT sport",
            "`  spaced\tout  `             | spaced AND out",
    })
    void parsesToNormalisedForm(String text, String expected) throws QueryException {
        Query query = Query.parse(text);
        assertThat(query.toString()).isEqualTo(expected);
        assertThat(query.text()).isEqualTo(text);
        assertThat(Query.parse(query.toString())).hasToString(expected).isEqualTo(query);
    }

    @ParameterizedTest(name = "[{index}] {0}  =>  position {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                         | 1  | the query is empty",
            "`   `                      | 1  | the query is empty",
            "-sport                     | 1  | only excludes",
            "NOT sport                  | 1  | only excludes",
            "-a -b                      | 1  | only excludes",
            "-(a b)                     | 1  | only excludes",
            "NOT NOT sport              | 1  | only excludes",
            "nato OR -sport             | 9  | OR branch only excludes",
            "nato OR NOT sport          | 9  | OR branch only excludes",
            "-sport OR nato             | 1  | OR branch only excludes",
            "a OR (b -c) OR (-d -e)     | 16 | OR branch only excludes",
            "nato (sport OR -football)  | 16 | OR branch only excludes",
            "(nato                      | 1  | \"(\" is never closed",
            "a ((b) c                   | 3  | \"(\" is never closed",
            "nato)                      | 5  | \")\" has no matching \"(\"",
            ") nato                     | 1  | \")\" has no matching \"(\"",
            "(a) b) c                   | 6  | \")\" has no matching \"(\"",
            "\"nato                     | 1  | the quote is never closed",
            "nato \"north korea         | 6  | the quote is never closed",
            "\"a\" \"b                  | 5  | the quote is never closed",
            "nato AND                   | 6  | \"AND\" must be followed by a word, phrase or group",
            "nato OR                    | 6  | \"OR\" must be followed by a word, phrase or group",
            "nato NOT                   | 6  | \"NOT\" must be followed by a word, phrase or group",
            "nato AND OR b              | 6  | \"AND\" must be followed",
            "a OR OR b                  | 3  | \"OR\" must be followed",
            "(a OR) b                   | 4  | \"OR\" must be followed",
            "NOT OR a                   | 1  | \"NOT\" must be followed",
            "OR nato                    | 1  | \"OR\" needs a word, phrase or group before it",
            "AND nato                   | 1  | \"AND\" needs a word, phrase or group before it",
            "a (OR b)                   | 4  | \"OR\" needs a word",
            "nato -                     | 6  | \"-\" must be directly followed",
            "nato - sport               | 6  | \"-\" must be directly followed",
            "(nato -)                   | 7  | \"-\" must be directly followed",
            "nato -AND x                | 6  | \"-\" must be followed",
            "***                        | 1  | \"***\" has no letters or digits",
            "nato ***                   | 6  | \"***\" has no letters or digits",
            "nato *                     | 6  | \"*\" has no letters or digits",
            "\"\"                       | 1  | phrase has no letters or digits",
            "nato \"..\"                | 6  | phrase has no letters or digits",
            "()                         | 1  | the parentheses are empty",
            "nato ( )                   | 6  | the parentheses are empty",
            "title:                     | 1  | \"title:\" must be directly followed",
            "nato title: korea          | 6  | \"title:\" must be directly followed",
            "title:()                   | 7  | the parentheses are empty",
            "title:-nato                | 7  | write -title:word to exclude",
            "title:***                  | 7  | has no letters or digits",
            "source:                    | 1  | \"source:\" must be directly followed",
            "source:(world)             | 8  | takes one feed id",
            "nato source:world.news     | 13 | a feed id is made of letters, digits and \"-\"",
            "source:\"a b\"             | 8  | a feed id is made of",
    })
    void refusesWithPosition(String text, int position, String detail) {
        QueryException error = catchThrowableOfType(QueryException.class, () -> Query.parse(text));
        assertThat(error).as("query %s", text).isNotNull();
        assertThat(error.position()).as("position in %s (%s)", text, error.getMessage()).isEqualTo(position);
        assertThat(error.detail()).contains(detail);
        assertThat(error.getMessage()).isEqualTo("position " + position + ": " + error.detail()).doesNotContain("\n");
    }

    static Stream<Arguments> limits() {
        String terms32 = IntStream.range(0, 32).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String terms33 = terms32 + " extra";
        String title33 = "title:(" + IntStream.range(0, 33).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")) + ")";
        String long512 = "a".repeat(512);
        String long513 = "a".repeat(513);
        String cjk513 = "東".repeat(513);
        return Stream.of(
                Arguments.of(terms32, 0),
                Arguments.of(terms33, terms32.length() + 2),
                Arguments.of("\"a b c\" " + terms32.substring(3), 0),
                Arguments.of(title33, title33.indexOf("w32") + 1),
                Arguments.of(terms32.replace("w5 ", "source:w5 "), 0),
                Arguments.of(long512, 0),
                Arguments.of(long513, 513),
                Arguments.of(cjk513, 513));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void limitsLengthAndTermCount(String text, int expectedPosition) {
        QueryException error = catchThrowableOfType(QueryException.class, () -> Query.parse(text));
        if (expectedPosition == 0) {
            assertThat(error).isNull();
        } else {
            assertThat(error).isNotNull();
            assertThat(error.position()).isEqualTo(expectedPosition);
        }
    }

    @Test
    void countsPositionsInCharactersNotUtf16Units() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> Query.parse("𝐀𝐁 AND"));
        assertThat(error.position()).isEqualTo(4);
    }
}
