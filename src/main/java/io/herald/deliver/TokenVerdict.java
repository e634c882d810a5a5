package io.herald.deliver;

import java.util.Objects;

/**
 * What a platform said about a bot token when asked at start ({@code getMe}, {@code auth.test}).
 *
 * @param outcome what it means
 * @param detail  the platform's answer in a few words (e.g. {@code 401}, {@code invalid_auth}); never the token
 */
public record TokenVerdict(Outcome outcome, String detail) {
    /** Accepted, refused (the token is wrong), or not known (the platform could not be asked). */
    public enum Outcome { ACCEPTED, REFUSED, UNKNOWN }

    public TokenVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
