package io.herald.deliver.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.herald.deliver.AlertSender;
import io.herald.deliver.AlertState;
import io.herald.deliver.Digest;
import io.herald.deliver.SendFailure;
import io.herald.model.Alert;
import io.herald.model.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to Slack channels with {@code chat.postMessage} (Block Kit blocks plus a plain notification text).
 * Owns one Slack SDK instance; {@link #close()} releases it.
 */
public final class SlackSender implements AlertSender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Set<String> CHANNEL_GONE = Set.of(
            "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "user_not_found",
            "account_inactive");
    private static final Set<String> TRANSIENT_ERRORS = Set.of(
            "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited",
            "rate_limited", "team_added_to_org");

    private final Slack slack;
    private final MethodsClient methods;
    private final SlackFormatter formatter;
    private final SlackDigestFormatter digestFormatter = new SlackDigestFormatter();

    /**
     * @param botToken the bot token ({@code xoxb-...})
     * @param apiUrl   the Web API base URL ending with {@code /}, e.g. {@code https://slack.com/api/}
     */
    public SlackSender(String botToken, String apiUrl) {
        this(botToken, apiUrl, Clock.systemUTC());
    }

    /**
     * @param botToken the bot token ({@code xoxb-...})
     * @param apiUrl   the Web API base URL ending with {@code /}, e.g. {@code https://slack.com/api/}
     * @param clock    what "5 min ago" in alerts is relative to
     */
    public SlackSender(String botToken, String apiUrl, Clock clock) {
        Objects.requireNonNull(botToken, "botToken");
        this.formatter = new SlackFormatter(clock);
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!apiUrl.endsWith("/")) {
            throw new IllegalArgumentException("slack: API URL must end with '/', got " + apiUrl);
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(botToken);
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public void send(Alert alert) throws SendFailure {
        sendTracked(alert);
    }

    /** Posts the alert; returns its {@code ts}. */
    @Override
    public Optional<String> sendTracked(Alert alert) throws SendFailure {
        String channel = alert.destination().address();
        String what = "slack: cannot send alert " + alert.id() + " to channel " + channel;
        if (alert.destination().platform() != Platform.SLACK) {
            throw SendFailure.permanent(what + ": not a slack destination: " + alert.destination(), null);
        }
        String ts = post(what, channel, formatter.format(alert));
        LOG.debug("slack: sent alert {} to channel {} (ts {})", alert.id(), channel, ts);
        return Optional.ofNullable(ts);
    }

    /** Redraws an alert already posted (its {@code ts}) with the buttons for {@code state} ({@code chat.update}). */
    public void updateButtons(Alert alert, String ts, AlertState state) throws SendFailure {
        String channel = alert.destination().address();
        String what = "slack: cannot change the buttons of alert " + alert.id() + " in channel " + channel;
        SlackMessage message = formatter.format(alert, state);
        call(what, () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text())
                .blocks(message.blocks())));
    }

    /** Shows {@code text} (escaped mrkdwn) to one user in a channel ({@code chat.postEphemeral}). */
    public void postEphemeral(String channel, String user, String text) throws SendFailure {
        String escaped = SlackMarkup.escapeWithin(text, 3_000);
        call("slack: cannot answer user " + user + " in channel " + channel,
                () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user).text(escaped)));
    }

    /**
     * Shows text already written in mrkdwn to one user in a channel ({@code chat.postEphemeral}); text longer than
     * a message should be is sent escaped and cut instead.
     */
    public void postEphemeralMrkdwn(String channel, String user, String mrkdwn) throws SendFailure {
        String text = mrkdwn.length() <= 3_000 ? mrkdwn : SlackMarkup.escapeWithin(mrkdwn, 3_000);
        call("slack: cannot answer user " + user + " in channel " + channel,
                () -> methods.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
    }

    /** The Web API client with the bot token, for the chat adapter (App Home, users' channels). */
    public MethodsClient methods() {
        return methods;
    }

    /** The SDK instance (its HTTP client and settings), for the chat adapter's Socket Mode client. */
    public Slack slack() {
        return slack;
    }

    /** One Web API call whose failures become {@link SendFailure}s (an {@code ok:false} answer included). */
    public <T extends SlackApiTextResponse> T call(String what, SlackCall<T> call) throws SendFailure {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw httpFailure(what, e);
        } catch (IOException e) {
            throw SendFailure.transientFailure(what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw SendFailure.transientFailure(what + ": unexpected answer: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw apiFailure(what, response.getError());
        }
        return response;
    }

    /** A Web API call as the SDK makes it. */
    @FunctionalInterface
    public interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Posts plain text (escaped mrkdwn, no blocks) to a channel, or to a user id as a direct message. */
    @Override
    public void sendNotice(String address, String text) throws SendFailure {
        String escaped = SlackMarkup.escapeWithin(text, 39_000);
        post("slack: cannot send a notice to " + address, address, new SlackMessage(escaped, List.of()));
    }

    @Override
    public void sendDigest(Digest digest) throws SendFailure {
        String channel = digest.destination().address();
        post("slack: cannot send a digest of " + digest.alerts().size() + " alerts (first "
                + digest.alerts().get(0).id() + ") to channel " + channel, channel, digestFormatter.format(digest));
    }

    private String post(String what, String channel, SlackMessage message) throws SendFailure {
        ChatPostMessageResponse response = call(what, () -> methods.chatPostMessage(r -> {
            r.channel(channel).text(message.text()).unfurlLinks(false);
            return message.blocks().isEmpty() ? r : r.blocks(message.blocks());
        }));
        return response.getTs();
    }

    /** Releases the SDK's HTTP client and thread pools. */
    /** Slack's errors for a token that is not (or no longer) a working bot token. */
    private static final java.util.List<String> TOKEN_REFUSED = java.util.List.of("invalid_auth", "not_authed",
            "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type");

    /** Asks Slack ({@code auth.test}) whether {@code botToken} works; refused only for Slack's token errors. */
    public static io.herald.deliver.TokenVerdict checkToken(String botToken, String apiUrl) {
        try (SlackSender sender = new SlackSender(botToken, apiUrl)) {
            var answer = sender.methods().authTest(r -> r);
            if (answer.isOk()) {
                return new io.herald.deliver.TokenVerdict(io.herald.deliver.TokenVerdict.Outcome.ACCEPTED, "ok");
            }
            String error = answer.getError() == null ? "unknown_error" : answer.getError();
            return new io.herald.deliver.TokenVerdict(TOKEN_REFUSED.contains(error)
                    ? io.herald.deliver.TokenVerdict.Outcome.REFUSED : io.herald.deliver.TokenVerdict.Outcome.UNKNOWN,
                    error);
        } catch (IOException | SlackApiException | RuntimeException e) {
            return new io.herald.deliver.TokenVerdict(io.herald.deliver.TokenVerdict.Outcome.UNKNOWN,
                    "cannot reach " + apiUrl + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("slack: cannot close the client cleanly", e);
        }
    }

    private static SendFailure httpFailure(String what, SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
            Duration wait = retryAfter(e.getResponse().header("Retry-After"));
            return SendFailure.rateLimited(what + ": rate limited, retry after "
                    + wait.toSeconds() + " s", wait);
        }
        String message = what + ": HTTP " + status;
        if (status >= 500 || status == 408) {
            return SendFailure.transientFailure(message, e);
        }
        return SendFailure.permanent(message, e);
    }

    private static SendFailure apiFailure(String what, String error) {
        String code = error == null || error.isBlank() ? "unknown_error" : error;
        String message = what + ": " + code;
        if (code.equals("ratelimited") || code.equals("rate_limited")) {
            return SendFailure.rateLimited(message, DEFAULT_RETRY_AFTER);
        }
        if (CHANNEL_GONE.contains(code)) {
            return SendFailure.recipientGone(message, null);
        }
        if (TRANSIENT_ERRORS.contains(code)) {
            return SendFailure.transientFailure(message, null);
        }
        return SendFailure.permanent(message, null);
    }

    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                LOG.debug("slack: unreadable Retry-After header '{}'", header);
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

}
