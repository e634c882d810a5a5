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

    /** Slack's published example ("Verifying requests from Slack"), checked at the moment it was signed. */
    @org.junit.jupiter.api.Test
    void verifiesSlacksPublishedExampleRequest() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
                + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        String expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        SlackSignature atSigning = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5",
                new MutableClock(Instant.ofEpochSecond(1531420618L)));
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        assertThat(atSigning.sign(1531420618L, raw)).isEqualTo(expected);
        assertThat(atSigning.verify("1531420618", expected, raw)).isTrue();
        assertThat(signature.verify("1531420618", expected, raw)).as("years later: stale").isFalse();
    }

    /**
     * Each header names a second within the window only by a trick (overflow, sign, leading zeros, spaces) or
     * is no number Slack sends; the signature is computed over the very header text, so only the form is refused.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "+1700000000", "01700000000", "0001700000000", " 1700000000", "1700000000 ", "1700000000.0",
        "-1700000000", "1_700_000_000", "１７００００００００", "99999999999999999999999", "0",
    })
    void refusesTimestampsThatAreNotPlainDigits(String header) {
        assertThat(signature.verify(header, signOverText(header), BODY)).as("signed over the header text").isFalse();
        assertThat(signature.verify(header, signature.sign(NOW.getEpochSecond(), BODY), BODY))
                .as("signed over the second it names").isFalse();
    }

    /** now − 2^63: subtracted naively the distance wraps to Long.MIN_VALUE, whose absolute value is negative. */
    @org.junit.jupiter.api.Test
    void refusesTheTimestampThatOverflowsTheWindow() {
        long ancient = NOW.getEpochSecond() + Long.MIN_VALUE;
        assertThat(NOW.getEpochSecond() - ancient).isEqualTo(Long.MIN_VALUE);
        assertThat(Math.abs(NOW.getEpochSecond() - ancient)).isNegative();
        assertThat(signature.verify(Long.toString(ancient), signature.sign(ancient, BODY), BODY)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void acceptsTheSameSecondWrittenPlainly() {
        String header = Long.toString(NOW.getEpochSecond());
        assertThat(signature.verify(header, signOverText(header), BODY)).isTrue();
    }

    /** What an attacker knowing the secret's HMAC over the exact header text would send. */
    private static String signOverText(String header) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    "8f742231b10e8888abcd99yyyzzz85a5".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + header + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(BODY));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
