package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.TcpProxy;
import io.herald.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/ready} on each of two nodes: the database, the scheduler, the chat transports and the leader roles
 * each node holds or stands by for. Node 1 reaches PostgreSQL through a relay that the test then cuts: node 1 says
 * it lost the database (503, the reason given), gives up delivery and Telegram updates, and node 2 takes both and
 * answers chat commands; once the relay is back, node 1 is ready again, standing by.
 */
class ClusterReadinessIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> LEADER = Map.of("delivery", "leader", "telegram-updates", "leader");
    private static final Map<String, String> STANDBY = Map.of("delivery", "standby", "telegram-updates", "standby");

    @TempDir
    Path dir;

    @Test
    void aNodeThatLosesTheDatabaseSaysSoAndHandsItsRolesOver() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase();
             FakeTelegramServer telegram = FakeTelegramServer.start(ClusterBed.TOKEN);
             FeedServer feeds = FeedServer.start();
             TcpProxy relay = TcpProxy.start("127.0.0.1", 5432);
             ClusterBed bed = new ClusterBed(dir, pg, telegram, feeds, ClusterBed.Load.SMALL)) {
            bed.prepare();
            ClusterBed.Node one = bed.launch("node-1", pg.url().replace(TestPostgres.HOST, "127.0.0.1:" + relay.port()));
            bed.await("node-1 leading both roles", WAIT, () -> one.roles().equals(LEADER));
            ClusterBed.Node two = bed.launch("node-2");
            bed.await("node-2 ready, standing by", WAIT, () -> two.roles().equals(STANDBY)
                    && two.ready().contains("\"status\":\"ok\""));
            bed.await("node-1 ready with its Telegram transport connected", WAIT,
                    () -> one.ready().contains("\"status\":\"ok\"") && one.ready().contains("\"telegram\":\"connected\""));
            assertThat(one.ready()).contains("\"scheduler\":\"running\"");
            assertThat(two.ready()).contains("\"scheduler\":\"running\"").doesNotContain("\"telegram\":");

            relay.cut();
            bed.await("node-1 saying it lost the database and its roles", WAIT, () -> one.roles().equals(STANDBY)
                    && one.ready().contains("\"status\":\"down\"") && one.ready().contains("database"));
            String down = one.ready();
            bed.await("node-2 taking both roles", WAIT, () -> two.roles().equals(LEADER));
            telegram.userSends(ClusterBed.COMMANDS, 4242, "/list");
            assertThat(telegram.awaitMessages(ClusterBed.COMMANDS, 1, WAIT)).as("answered by node-2").hasSize(1);
            assertThat(one.ready()).as("node-1 consumes no updates").doesNotContain("\"telegram\":");

            relay.restore();
            bed.await("node-1 ready again, standing by", WAIT, () -> one.roles().equals(STANDBY)
                    && one.ready().contains("\"status\":\"ok\""));
            assertThat(two.roles()).isEqualTo(LEADER);
            System.out.println("readiness of a node without its database: " + down);
        }
    }
}
