package io.herald.app;

import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.Settings;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.StdStreams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bot API (or a proxy in front of it) echoes the request path, bot token included, in its error description:
 * the token reaches none of the log on stderr, the outbox table, or {@code herald outbox}.
 */
class SecretRedactionTest {
    /** Not shaped like a real token, so only the configured value can catch it. */
    private static final String TOKEN = "4242:configured-secret-Value";
    private static final long CHAT = -100777;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();
    private StdStreams std;

    @BeforeEach
    void prepareFakes() {
        telegram.addChat(CHAT);
        feeds.publish("/world.xml", RSS, HeraldEndToEndTest.rss());
    }

    @AfterEach
    void restoreStreams() {
        if (std != null) {
            std.restore();
        }
    }

    @Test
    void theTokenEchoedByThePlatformIsNeitherLoggedNorStoredNorShown() throws Exception {
        Path db = dir.resolve("herald.db");
        std = StdStreams.capture();
        try (HeraldService herald = start(db)) {
            Await.until(WAIT, () -> polledOnce(herald, "world"));

            telegram.echoPathInErrors(502, 1); // transient: logged, kept as last_error, retried
            feeds.publish("/world.xml", RSS, HeraldEndToEndTest.rss(story("a", "Kursk: first report")));
            assertThat(telegram.awaitMessages(CHAT, 1, WAIT)).hasSize(1);

            telegram.echoPathInErrors(400, 1); // permanent: logged and kept as the failure's reason
            feeds.publish("/world.xml", RSS, HeraldEndToEndTest.rss(story("a", "Kursk: first report"),
                    story("b", "Kursk: second report")));
            Await.until(WAIT, () -> herald.outbox().counts().get(OutboxEntry.Status.FAILED) == 1);
        }
        std.restore();
        String stderr = std.err();

        assertThat(stderr).as("the platform's echo was logged").contains("proxy refused POST /bot");
        assertThat(stderr).doesNotContain(TOKEN);

        String table = outboxText(db);
        assertThat(table).as("the echo was stored, masked").containsIgnoringCase("proxy refused POST /bot***/sendMessage");
        assertThat(table).doesNotContain(TOKEN);

        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try (var database = Databases.open(Settings.fromEnv(Map.of("HERALD_DB", db.toString())))) {
            new OutboxCommand().print(new io.herald.store.JdbcOutboxStore(database, java.time.Clock.systemUTC()),
                    List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.FAILED),
                    new PrintStream(shown, true, StandardCharsets.UTF_8));
        }
        String outbox = shown.toString(StandardCharsets.UTF_8);
        assertThat(outbox).as("herald outbox shows the failure").contains("proxy refused");
        assertThat(outbox).doesNotContain(TOKEN);
    }

    private HeraldService start(Path db) throws Exception {
        return ServiceUnderTest.start(dir, worldFeed("""
                routes:
                  - id: desk
                    query: kursk
                    to: ["telegram:%d"]
                """.formatted(CHAT), feeds.url("/world.xml")), telegramEnv(db, TOKEN, telegram));
    }

    /** Every value of every outbox row, as text. */
    private static String outboxText(Path db) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM outbox")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    all.append(rows.getString(i)).append('\t');
                }
                all.append('\n');
            }
        }
        return all.toString();
    }

    private static String story(String guid, String title) {
        return HeraldEndToEndTest.item(guid, title, "https://news.example.org/" + guid, "Troops moved near Kursk.");
    }
}
