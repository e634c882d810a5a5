package io.herald.app;

import io.herald.config.Settings;
import io.herald.deliver.TokenVerdict;
import io.herald.deliver.slack.SlackSender;
import io.herald.deliver.telegram.TelegramClients;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        settings.telegramToken().ifPresent(token -> {
            TokenVerdict v = TelegramClients.checkToken(token.value(), settings.telegramApiUrl().toString());
            if (v.outcome() == TokenVerdict.Outcome.REFUSED) {
                problems.add("TELEGRAM_BOT_TOKEN: Telegram refused the bot token (getMe answered " + v.detail()
                        + "); copy the token from @BotFather again.");
            } else if (v.outcome() == TokenVerdict.Outcome.UNKNOWN) {
                warn("Telegram", "getMe: " + v.detail());
            }
        });
        settings.slackBotToken().ifPresent(token -> {
            TokenVerdict v = SlackSender.checkToken(token.value(), settings.slackApiUrl());
            if (v.outcome() == TokenVerdict.Outcome.REFUSED) {
                problems.add("SLACK_BOT_TOKEN: Slack refused the bot token (auth.test answered " + v.detail()
                        + "); copy the Bot User OAuth Token (xoxb-) from the app's OAuth & Permissions page again.");
            } else if (v.outcome() == TokenVerdict.Outcome.UNKNOWN) {
                warn("Slack", "auth.test: " + v.detail());
            }
        });
        return problems;
    }

    private static void warn(String platform, String what) {
        LOG.warn("{}: could not check the token at start ({}); starting anyway, connecting when it can", platform,
                what);
    }
}
