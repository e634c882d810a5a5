package io.herald.deliver;

import io.herald.model.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Herald's admins about something that needs a person: a plain-text notice to every configured admin, as a
 * private Telegram message (the admin's user id is their private chat with the bot) and as a Slack direct message
 * ({@code chat.postMessage} to the admin's user id). Best effort: a failing admin is logged, the others still get it.
 * Thread-safe.
 */
public final class AdminNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(AdminNotifier.class);

    private final Map<Platform, AlertSender> senders = new EnumMap<>(Platform.class);
    private volatile Set<Long> telegramAdmins;
    private volatile Set<String> slackAdmins;
    private volatile ReplyQueue queue;

    /**
     * @param senders        the configured platforms' senders (a platform without one is skipped)
     * @param telegramAdmins Telegram user ids
     * @param slackAdmins    Slack user ids ({@code U0123ABCD})
     */
    public AdminNotifier(List<AlertSender> senders, Set<Long> telegramAdmins, Set<String> slackAdmins) {
        senders.forEach(s -> this.senders.putIfAbsent(s.platform(), s));
        this.telegramAdmins = Set.copyOf(telegramAdmins);
        this.slackAdmins = Set.copyOf(slackAdmins);
    }

    /** A notifier that only logs (no admins configured). */
    public static AdminNotifier none() {
        return new AdminNotifier(List.of(), Set.of(), Set.of());
    }

    /**
     * Sends later notices through {@code queue} (paced with the alerts, never inside a platform's {@code retry_after}
     * window) whenever it accepts them; directly otherwise.
     */
    public AdminNotifier through(ReplyQueue queue) {
        this.queue = queue;
        return this;
    }

    /** The admins after a config reload: later notices go to these. */
    public void replaceAdmins(Set<Long> telegram, Set<String> slack) {
        this.telegramAdmins = Set.copyOf(telegram);
        this.slackAdmins = Set.copyOf(slack);
    }

    /**
     * Sends {@code text} to every admin; logs it in any case.
     *
     * @return how many admins got it
     */
    public int notifyAdmins(String text) {
        return notifyAdminsExcept(text, null, "");
    }

    /**
     * Sends {@code text} to every admin but one (who already got the answer in their chat); logs it in any case.
     *
     * @param platform the platform of the admin left out (null: nobody is left out)
     * @param userId   that admin's user id
     * @return how many admins got it
     */
    public int notifyAdminsExcept(String text, Platform platform, String userId) {
        LOG.warn("admin notice: {}", text);
        int delivered = 0;
        for (long id : telegramAdmins) {
            if (platform != Platform.TELEGRAM || !Long.toString(id).equals(userId)) {
                delivered += send(Platform.TELEGRAM, Long.toString(id), text) ? 1 : 0;
            }
        }
        for (String id : slackAdmins) {
            if (platform != Platform.SLACK || !id.equals(userId)) {
                delivered += send(Platform.SLACK, id, text) ? 1 : 0;
            }
        }
        return delivered;
    }

    private boolean send(Platform platform, String address, String text) {
        AlertSender sender = senders.get(platform);
        if (sender == null) {
            LOG.debug("admin notice: {} is not configured; admin {} not told", platform.key(), address);
            return false;
        }
        ReplyQueue paced = queue;
        if (paced != null && paced.accepting()) {
            paced.reply(new io.herald.model.Destination(platform, address), "Herald: " + text);
            return true;
        }
        try {
            sender.sendNotice(address, "Herald: " + text);
            return true;
        } catch (SendFailure e) {
            LOG.warn("admin notice: cannot tell {} admin {}: {}", platform.key(), address, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.warn("admin notice: cannot tell {} admin {}", platform.key(), address, e);
            return false;
        }
    }
}
