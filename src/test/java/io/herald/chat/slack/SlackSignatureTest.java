package io.herald.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackSignatureTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "token=x&team_id=T1&text=subscribe+kursk".getBytes(StandardCharsets.UTF_8);

    private final SlackSignature signature = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5", new MutableClock(NOW));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "signed now,                 0,    true,  false",
        "signed 300 s ago,           -300, true,  false",
        "signed 301 s ago,           -301, false, false",
        "signed 301 s in the future, 301,  false, false",
        "body changed after signing, 0,    false, true",
    })
    void acceptsOnlyFreshSignaturesOfTheExactBody(String name, long offset, boolean accepted, boolean tamper) {
        long ts = NOW.getEpochSecond() + offset;
        String sig = signature.sign(ts, BODY);
        byte[] body = tamper ? "token=x&team_id=T1&text=subscribe+nato".getBytes(StandardCharsets.UTF_8) : BODY;
        assertThat(signature.verify(Long.toString(ts), sig, body)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, v0=abc",
        "1700000000, null",
        "yesterday, v0=abc",
        "1700000000, v0=0000",
    })
    void refusesMissingOrMalformedHeaders(String timestamp, String sig) {
        assertThat(signature.verify(timestamp, sig, BODY)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aDifferentSecretDoesNotVerify() {
        long ts = NOW.getEpochSecond();
        String forged = new SlackSignature("another-secret", new MutableClock(NOW)).sign(ts, BODY);
        assertThat(signature.verify(Long.toString(ts), forged, BODY)).isFalse();
    }
}
