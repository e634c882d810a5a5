package io.herald.chat;

import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import io.herald.store.ChatSettings;
import io.herald.store.ChatSettingsStore;
import io.herald.store.DigestMode;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /digest}, {@code /timezone} and {@code /preview} commands: how and when a chat receives its alerts. */
final class DigestCommands {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.h]([0-5]\\d)");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ChatSettingsStore settings;

    DigestCommands(ChatSettingsStore settings) {
        this.settings = settings;
    }

    Reply digest(Destination chat, String argument) {
        String[] words = argument.toLowerCase(Locale.ROOT).split("\\s+");
        switch (words[0]) {
            case "" -> {
                return Replies.digestState(describe(settings.get(chat)));
            }
            case "off" -> {
                settings.setDigest(chat, DigestMode.OFF, null);
                return Replies.digestOff();
            }
            case "hourly" -> {
                ChatSettings s = settings.setDigest(chat, DigestMode.HOURLY, null);
                return Replies.digestHourly(s.zone().getId());
            }
            case "daily" -> {
                return daily(chat, words.length > 1 ? words[1] : "");
            }
            default -> {
                return Replies.digestUnknownMode(words[0]);
            }
        }
    }

    private Reply daily(Destination chat, String timeText) {
        LocalTime at = ChatSettings.DEFAULT_DAILY_AT;
        if (!timeText.isEmpty()) {
            Matcher m = TIME.matcher(timeText);
            if (!m.matches()) {
                return Replies.notATime(timeText);
            }
            at = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        ChatSettings s = settings.setDigest(chat, DigestMode.DAILY, at);
        return Replies.digestDaily(at.format(HH_MM), s.zone().getId(),
                s.zone().getId().equals("Z") || s.zone().getId().equals("UTC"));
    }

    Reply timezone(Destination chat, String argument) {
        if (argument.isEmpty()) {
            return Replies.timezoneState(settings.get(chat).zone().getId());
        }
        ZoneId zone;
        try {
            zone = zoneIgnoringCase(argument.strip());
        } catch (DateTimeException e) {
            return Replies.unknownTimezone(argument.strip());
        }
        ChatSettings s = settings.setTimezone(chat, zone);
        return Replies.timezoneSet(zone.getId(), describe(s));
    }

    /**
     * A time zone by its name in any case ({@code europe/berlin} is {@code Europe/Berlin}, {@code utc} is
     * {@code UTC}); offsets such as {@code +02:00} as {@link ZoneId#of} reads them.
     */
    static ZoneId zoneIgnoringCase(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(name)) {
                    return ZoneId.of(id);
                }
            }
            String upper = name.toUpperCase(Locale.ROOT);
            if (!upper.equals(name)) {
                return ZoneId.of(upper); // utc, gmt, utc+2
            }
            throw e;
        }
    }

    Reply preview(Destination chat, String argument) {
        if (argument.isBlank()) {
            return Replies.previewState(settings.linkPreview(chat).orElse(LinkPreview.DEFAULT).key());
        }
        java.util.Optional<LinkPreview> choice = LinkPreview.parse(argument);
        if (choice.isEmpty()) {
            return Replies.unknownPreview(argument.strip());
        }
        settings.setLinkPreview(chat, choice.get());
        return switch (choice.get()) {
            case LARGE -> Replies.previewLarge();
            case SMALL -> Replies.previewSmall();
            case NONE -> Replies.previewNone();
        };
    }


    private static String describe(ChatSettings s) {
        return switch (s.digest()) {
            case OFF -> "off (each alert as it comes)";
            case HOURLY -> "hourly (" + s.zone().getId() + ")";
            case DAILY -> "daily at " + s.dailyAt().format(HH_MM) + " (" + s.zone().getId() + ")";
        };
    }
}
