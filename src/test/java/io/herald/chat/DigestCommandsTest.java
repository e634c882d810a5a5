package io.herald.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.store.ChatSettings;
import io.herald.store.Database;
import io.herald.store.DigestMode;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcSubscriptionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestCommandsTest {
    @TempDir
    Path dir;

    private final Destination chat = Destination.telegram(42);
    private JdbcChatSettingsStore settings;
    private CommandRouter router;

    @BeforeEach
    void setUp() {
        Database db = Database.openSqlite(dir.resolve("d.db"));
        settings = new JdbcChatSettingsStore(db, Clock.systemUTC());
        router = new CommandRouter(new JdbcSubscriptionStore(db, Clock.systemUTC()), 3, m -> false, () -> "",
                settings);
    }

    private String say(String text) {
        return router.handle(new IncomingMessage(chat, "7", text)).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /digest hourly       | HOURLY | 08:00 | one digest an hour
            /digest daily 08:00  | DAILY  | 08:00 | one digest a day at 08:00
            /digest daily 7:30   | DAILY  | 07:30 | one digest a day at 07:30
            /digest DAILY 21h05  | DAILY  | 21:05 | one digest a day at 21:05
            /digest daily        | DAILY  | 08:00 | one digest a day at 08:00
            /digest off          | OFF    | 08:00 | each alert as it comes
            """)
    void setsTheDigestMode(String command, DigestMode mode, String at, String answer) {
        assertThat(say(command)).contains(answer);
        ChatSettings s = settings.get(chat);
        assertThat(s.digest()).isEqualTo(mode);
        if (mode == DigestMode.DAILY) {
            assertThat(s.dailyAt()).isEqualTo(LocalTime.parse(at));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /digest weekly       | I don't know the digest mode 'weekly'
            /digest daily 25:00  | '25:00' is not a time of day
            /digest daily noon   | 'noon' is not a time of day
            /timezone Mars/Olympus | I don't know the time zone 'Mars/Olympus'
            """)
    void explainsWhatIsWrongAndChangesNothing(String command, String answer) {
        assertThat(say(command)).contains(answer);
        assertThat(settings.get(chat)).isEqualTo(ChatSettings.defaults(chat));
    }

    @Test
    void timezoneIsKeptAndShownWithTheDailyDigest() {
        assertThat(say("/timezone Europe/Berlin")).isEqualTo("Time zone set to Europe/Berlin. Digest: off (each alert"
                + " as it comes).");
        assertThat(say("/digest daily 08:00")).contains("08:00 (Europe/Berlin)");
        assertThat(say("/digest")).contains("Digest: daily at 08:00 (Europe/Berlin)");
        assertThat(say("/timezone")).contains("Your time zone: Europe/Berlin");
        assertThat(settings.get(chat).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void menuAndHelpMentionTheNewCommands() {
        assertThat(CommandRouter.commands()).extracting(BotCommandInfo::command).contains("digest", "timezone");
        assertThat(say("/help")).contains("/digest hourly", "/timezone Europe/Berlin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /preview large | LARGE | large, above the text
            /preview Small | SMALL | a small preview
            /preview none  | NONE  | no link preview
            """)
    void setsTheChatsLinkPreview(String command, io.herald.model.LinkPreview choice, String answer) {
        assertThat(say(command)).contains(answer);
        assertThat(settings.linkPreview(chat)).contains(choice);
        assertThat(say("/preview")).startsWith("Link previews: " + choice.key() + ".");
        assertThat(settings.linkPreview(Destination.telegram(-100, 7))).as("a topic of another chat").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesAnUnknownPreviewAndKeepsTheDefault() {
        assertThat(say("/preview huge")).isEqualTo("I don't know the preview 'huge'. Send /preview large,"
                + " /preview small or /preview none.");
        assertThat(settings.linkPreview(chat)).isEmpty();
        assertThat(say("/preview")).startsWith("Link previews: large.");
    }
}
