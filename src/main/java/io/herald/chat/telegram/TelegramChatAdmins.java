package io.herald.chat.telegram;

import io.herald.chat.ChatRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Who administers a Telegram group: asks {@code getChatMember} when a command needs to know, and remembers the
 * answer for {@link #TTL} so that a busy group costs one call per member and minute. A failed call is not remembered
 * and raises {@link ChatRole.Unknown}: the sender is asked to try again rather than told they are no admin.
 */
final class TelegramChatAdmins {
    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChatAdmins.class);

    private final TelegramClient client;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(boolean admin, long until) {
    }

    TelegramChatAdmins(TelegramClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The role of a user in a chat: anyone in a private chat, the group's admins and owner in a group. */
    ChatRole role(long chatId, boolean group, String userId) {
        if (!group) {
            return ChatRole.ANYONE;
        }
        return () -> isAdmin(chatId, userId);
    }

    /** @throws ChatRole.Unknown when Telegram does not answer {@code getChatMember} */
    boolean isAdmin(long chatId, String userId) {
        String key = chatId + ":" + userId;
        long now = clock.millis();
        Entry known = cache.get(key);
        if (known != null && known.until() > now) {
            return known.admin();
        }
        long user;
        try {
            user = Long.parseLong(userId);
        } catch (NumberFormatException e) {
            return false;
        }
        try {
            ChatMember member = client.execute(new GetChatMember(Long.toString(chatId), user));
            boolean admin = "creator".equals(member.getStatus()) || "administrator".equals(member.getStatus());
            remember(key, new Entry(admin, now + TTL.toMillis()), now);
            return admin;
        } catch (TelegramApiException e) {
            LOG.warn("telegram: cannot tell whether user {} administers chat {}: {}", userId, chatId, e.getMessage());
            throw new ChatRole.Unknown("getChatMember failed: " + e.getMessage());
        }
    }

    private void remember(String key, Entry entry, long now) {
        if (cache.size() >= MAX_ENTRIES) {
            for (Iterator<Entry> it = cache.values().iterator(); it.hasNext(); ) {
                if (it.next().until() <= now) {
                    it.remove();
                }
            }
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, entry);
    }
}
