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
    static final String DIGEST_USAGE = "Send /digest hourly, /digest daily 08:00 or /digest off.";

    private final ChatSettingsStore settings;

    DigestCommands(ChatSettingsStore settings) {
        this.settings = settings;
    }

    String digest(Destination chat, String argument) {
        String[] words = argument.toLowerCase(Locale.ROOT).split("\\s+");
        switch (words[0]) {
            case "" -> {
                return "Digest: " + describe(settings.get(chat)) + ". " + DIGEST_USAGE;
            }
            case "off" -> {
                settings.setDigest(chat, DigestMode.OFF, null);
                return "Digest off: you get each alert as it comes again. Alerts held for the digest come now.";
            }
            case "hourly" -> {
                ChatSettings s = settings.setDigest(chat, DigestMode.HOURLY, null);
                return "Done: one digest an hour, at the full hour (" + s.zone().getId() + "), with all new stories.";
            }
            case "daily" -> {
                return daily(chat, words.length > 1 ? words[1] : "");
            }
            default -> {
                return "I don't know the digest mode '" + words[0] + "'. " + DIGEST_USAGE;
            }
        }
    }

    private String daily(Destination chat, String timeText) {
        LocalTime at = ChatSettings.DEFAULT_DAILY_AT;
        if (!timeText.isEmpty()) {
            Matcher m = TIME.matcher(timeText);
            if (!m.matches()) {
                return "'" + timeText + "' is not a time of day. Send e.g. /digest daily 08:00";
            }
            at = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        ChatSettings s = settings.setDigest(chat, DigestMode.DAILY, at);
        return "Done: one digest a day at " + at.format(HH_MM) + " (" + s.zone().getId() + ")."
                + (s.zone().getId().equals("Z") || s.zone().getId().equals("UTC")
                ? " Set your time zone with e.g. /timezone Europe/Berlin" : "");
    }

    String timezone(Destination chat, String argument) {
        if (argument.isEmpty()) {
            return "Your time zone: " + settings.get(chat).zone().getId()
                    + ". Change it with e.g. /timezone Europe/Berlin";
        }
        ZoneId zone;
        try {
            zone = zoneIgnoringCase(argument.strip());
        } catch (DateTimeException e) {
            return "I don't know the time zone '" + argument.strip()
                    + "'. Use a name like Europe/Berlin, America/New_York or UTC.";
        }
        ChatSettings s = settings.setTimezone(chat, zone);
        return "Time zone set to " + zone.getId() + ". Digest: " + describe(s) + ".";
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

    String preview(Destination chat, String argument) {
        if (argument.isBlank()) {
            return "Link previews: " + settings.linkPreview(chat).orElse(LinkPreview.DEFAULT).key() + ". "
                    + PREVIEW_USAGE;
        }
        java.util.Optional<LinkPreview> choice = LinkPreview.parse(argument);
        if (choice.isEmpty()) {
            return "I don't know the preview '" + argument.strip() + "'. " + PREVIEW_USAGE;
        }
        settings.setLinkPreview(chat, choice.get());
        return switch (choice.get()) {
            case LARGE -> "Done: alerts show the article's preview large, above the text.";
            case SMALL -> "Done: alerts show a small preview of the article.";
            case NONE -> "Done: alerts show no link preview.";
        };
    }

    static final String PREVIEW_USAGE = "Send /preview large, /preview small or /preview none.";

    private static String describe(ChatSettings s) {
        return switch (s.digest()) {
            case OFF -> "off (each alert as it comes)";
            case HOURLY -> "hourly (" + s.zone().getId() + ")";
            case DAILY -> "daily at " + s.dailyAt().format(HH_MM) + " (" + s.zone().getId() + ")";
        };
    }
}
