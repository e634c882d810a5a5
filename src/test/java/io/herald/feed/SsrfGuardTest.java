package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testsupport.FeedServer;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsrfGuardTest {
    private final FeedServer server = FeedServer.start();
    private final FeedReader guarded = new FeedReader(FetchPolicy.defaults(false));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesLoopbackAndSaysHowToAllowIt() {
        server.publish("/world.rss", "application/rss+xml", FeedReaderHttpTest.rss("a"));
        URI url = server.url("/world.rss");

        assertThatThrownBy(() -> guarded.read("world", url, Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed world: refusing to fetch " + url + ": 127.0.0.1 is a loopback address and private"
                        + " addresses are refused; set network.allow_private_addresses: true to allow them");
        assertThat(server.requestCount("/world.rss")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"localhost", "[::1]", "[::ffff:127.0.0.1]", "2130706433", "127.1", "[0:0:0:0:0:ffff:7f00:1]"})
    void refusesLoopbackInEveryDisguise(String host) {
        URI url = URI.create("http://" + host + ":" + server.url("/").getPort() + "/world.rss");

        assertThatThrownBy(() -> guarded.read("world", url, Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("is a loopback address")
                .hasMessageContaining("network.allow_private_addresses");
        assertThat(server.requestCount("/world.rss")).isZero();
    }

    @ParameterizedTest(name = "redirect to {0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://169.254.169.254/latest/meta-data/ | 169.254.169.254 is a link-local address
            http://10.1.2.3/feed                     | 10.1.2.3 is a private address
            http://[fd00::1]/feed                    | is a private (unique-local) address
            http://[::1]:9/feed                      | is a loopback address
            """)
    void checksEveryRedirectHop(String target, String reason) {
        FeedReader onlyTestServer = new FeedReader(FetchPolicy.defaults(false), SsrfGuardTest::allowTestServer);
        server.redirect("/world.rss", 302, target);

        assertThatThrownBy(() -> onlyTestServer.read("world", server.url("/world.rss"), Validators.NONE))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("feed world: refusing to fetch " + target + ": ")
                .hasMessageContaining(reason);
        assertThat(server.requestCount("/world.rss")).isEqualTo(1);
    }

    @Test
    void allowsPrivateAddressesWhenConfigured() throws Exception {
        server.publish("/world.rss", "application/rss+xml", FeedReaderHttpTest.rss("a"));
        FeedReader open = new FeedReader(FetchPolicy.defaults(true));

        assertThat(open.read("world", server.url("/world.rss"), Validators.NONE).feed()).isPresent();
    }

    @Test
    void socketLayerRefusesForbiddenAddressesWhateverResolvedThem() throws Exception {
        GuardedDns guard = new GuardedDns(okhttp3.Dns.SYSTEM, AddressClassifier::forbiddenKind);
        int port = server.url("/").getPort();

        try (java.net.Socket socket = new GuardedSocketFactory(guard).createSocket()) {
            assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(ForbiddenAddressException.class)
                    .hasMessage("127.0.0.1 resolves to 127.0.0.1, a loopback address");
        }
        assertThat(server.requestCount("/")).isZero();
    }

    /** The real classifier, except for the loopback address the test server listens on. */
    private static Optional<String> allowTestServer(InetAddress address) {
        return address.getHostAddress().equals("127.0.0.1")
                ? Optional.empty() : AddressClassifier.forbiddenKind(address);
    }
}
