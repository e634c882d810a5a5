package io.herald.app;

import io.herald.config.Settings;
import io.herald.deliver.slack.SlackSender;
import io.herald.deliver.telegram.TelegramClients;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code herald run} asks every configured platform whether its token is good before anything starts: Telegram's
 * {@code getMe}, Slack's {@code auth.test}. A token the platform refuses is bad input (one sentence, exit 2; the
 * token itself never appears). A platform that cannot be reached is only warned about: the service starts and
 * connects when it can.
 */
final class TokenCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCheck.class);

    private TokenCheck() {
    }

    /** @return the problems, one sentence each (empty when every token was accepted or could not be checked) */
    static List<String> run(Settings settings) {
        List<String> problems = new ArrayList<>();
        settings.telegramToken().ifPresent(token -> telegram(token.value(), settings).ifPresent(problems::add));
        settings.slackBotToken().ifPresent(token -> slack(token.value(), settings).ifPresent(problems::add));
        return problems;
    }

    private static Optional<String> telegram(String token, Settings settings) {
        try (TelegramClients clients = TelegramClients.create(token, settings.telegramApiUrl().toString())) {
            clients.client().execute(new GetMe());
            return Optional.empty();
        } catch (TelegramApiRequestException e) {
            int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            if (code == 401 || code == 404) {
                return Optional.of("TELEGRAM_BOT_TOKEN: Telegram refused the bot token (getMe answered " + code
                        + "); copy the token from @BotFather again.");
            }
            warn("Telegram", "getMe answered " + (code == 0 ? "an error" : "HTTP " + code));
            return Optional.empty();
        } catch (TelegramApiException | RuntimeException e) {
            warn("Telegram", "cannot reach " + settings.telegramApiUrl() + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private static Optional<String> slack(String token, Settings settings) {
        try (SlackSender sender = new SlackSender(token, settings.slackApiUrl())) {
            var answer = sender.methods().authTest(r -> r);
            if (answer.isOk()) {
                return Optional.empty();
            }
            String error = answer.getError() == null ? "unknown_error" : answer.getError();
            if (List.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
                    "not_allowed_token_type").contains(error)) {
                return Optional.of("SLACK_BOT_TOKEN: Slack refused the bot token (auth.test answered " + error
                        + "); copy the Bot User OAuth Token (xoxb-) from the app's OAuth & Permissions page again.");
            }
            warn("Slack", "auth.test answered " + error);
            return Optional.empty();
        } catch (IOException | com.slack.api.methods.SlackApiException | RuntimeException e) {
            warn("Slack", "cannot reach " + settings.slackApiUrl() + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private static void warn(String platform, String what) {
        LOG.warn("{}: could not check the token at start: {}; starting anyway, connecting when it can", platform,
                what);
    }
}
