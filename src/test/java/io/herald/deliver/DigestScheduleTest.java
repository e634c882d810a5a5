package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.store.ChatSettings;
import io.herald.store.DigestMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestScheduleTest {

    @ParameterizedTest(name = "{0} {1} {2} at {3}: slot {4}, next {5}")
    @CsvSource(textBlock = """
            HOURLY, 08:00, UTC,           2026-03-02T10:15:00Z, 2026-03-02T10:00:00Z, 2026-03-02T11:00:00Z
            HOURLY, 08:00, Asia/Kolkata,  2026-03-02T10:15:00Z, 2026-03-02T09:30:00Z, 2026-03-02T10:30:00Z
            DAILY,  08:00, UTC,           2026-03-02T07:59:59Z, 2026-03-01T08:00:00Z, 2026-03-02T08:00:00Z
            DAILY,  08:00, UTC,           2026-03-02T08:00:00Z, 2026-03-02T08:00:00Z, 2026-03-03T08:00:00Z
            DAILY,  08:00, Europe/Berlin, 2026-03-02T10:15:00Z, 2026-03-02T07:00:00Z, 2026-03-03T07:00:00Z
            DAILY,  08:00, Europe/Berlin, 2026-03-28T12:00:00Z, 2026-03-28T07:00:00Z, 2026-03-29T06:00:00Z
            DAILY,  23:30, America/New_York, 2026-03-02T10:15:00Z, 2026-03-02T04:30:00Z, 2026-03-03T04:30:00Z
            """)
    void digestTimesFollowTheChatsClock(DigestMode mode, String at, String zone, String now, String slot, String next) {
        ChatSettings s = new ChatSettings(Destination.telegram(1), mode, LocalTime.parse(at), ZoneId.of(zone));
        assertThat(DigestSchedule.slotStart(s, Instant.parse(now))).isEqualTo(Instant.parse(slot));
        assertThat(DigestSchedule.next(s, Instant.parse(now))).isEqualTo(Instant.parse(next));
    }
}
