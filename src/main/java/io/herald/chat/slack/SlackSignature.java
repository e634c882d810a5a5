package io.herald.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's request signature: {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}, compared
 * in constant time, with the timestamp at most 300 s away from now in either direction.
 */
public final class SlackSignature {
    static final long MAX_SKEW_SECONDS = 300;
    /** Twelve digits reach the year 33658; more is never a real timestamp. */
    static final int MAX_DIGITS = 12;

    private final byte[] secret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** True when the headers prove the raw body came from Slack, recently. */
    public boolean verify(String timestampHeader, String signatureHeader, byte[] rawBody) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        OptionalLong parsed = epochSeconds(timestampHeader);
        if (parsed.isEmpty()) {
            return false;
        }
        long timestamp = parsed.getAsLong();
        long now = clock.instant().getEpochSecond();
        if (timestamp < now - MAX_SKEW_SECONDS || timestamp > now + MAX_SKEW_SECONDS) {
            return false;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, rawBody)))
                .getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The header's seconds since the epoch, read as text: plain ASCII digits only (no sign, no spaces, no leading
     * zero), at most {@value #MAX_DIGITS} of them, so that no form overflows or names the same second twice.
     */
    static OptionalLong epochSeconds(String header) {
        int n = header.length();
        if (n == 0 || n > MAX_DIGITS || header.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            value = value * 10 + (c - '0');
        }
        return OptionalLong.of(value);
    }

    /** The signature Slack would send for this body at this time (used by tests and local tools). */
    public String sign(long timestamp, byte[] rawBody) {
        return "v0=" + HexFormat.of().formatHex(hmac(timestamp, rawBody));
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("slack: HMAC-SHA256 is not available", e);
        }
    }
}
