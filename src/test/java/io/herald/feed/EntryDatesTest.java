package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tue, 10 Jun 2003 04:00:00 GMT|2003-06-10T04:00:00Z",
            "Tue, 10 Jun 2003 04:00:00 +0200|2003-06-10T02:00:00Z",
            "  Tue, 10 Jun 2003 04:00:00 -0500 |2003-06-10T09:00:00Z",
            "2003-06-10T04:00:00Z|2003-06-10T04:00:00Z",
            "2003-06-10T04:00:00+01:30|2003-06-10T02:30:00Z"})
    void readsTheCommonFormsAsTheLenientParserDoes(String raw, String expected) {
        assertThat(EntryDates.parse(raw)).contains(Instant.parse(expected));
        assertThat(FeedDates.parse(raw)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed, 10 Jun 2003 04:00:00 GMT", "Tue, 10 Jun 2003 24:00:00 GMT",
            "Tue, 10 Jun 2003 04:00 GMT", "10 Jun 2003 04:00:00 GMT", "Tue, 10 Jun 2003 04:00:00 EST",
            "2003-06-10T04:00:00.5Z", "2003-06-10T04:00:00", "2003-06-10", "2003-02-30T04:00:00Z", ""})
    void leavesEveryOtherFormToTheFullParsers(String raw) {
        assertThat(EntryDates.parse(raw)).isEmpty();
    }
}
