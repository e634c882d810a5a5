package io.herald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.chat.BotCommandInfo;
import io.herald.chat.ChatRole;
import io.herald.chat.CommandHandler;
import io.herald.chat.IncomingMessage;
import io.herald.chat.Replies;
import io.herald.chat.Reply;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.health.Transports;
import io.herald.model.Destination;
import io.herald.supervise.Supervisor;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot through the real long-polling library against the strict fake Bot API. */
class TelegramBotTest {

    private static final String TOKEN = "7000002:bot-test-token";
    private static final long CHAT = 5151;
    private static final long USER = 777;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<BotCommandInfo> COMMANDS = List.of(new BotCommandInfo("help", "What I can do"),
            new BotCommandInfo("subscribe", "Alert me about a query"));

    private final BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
    private FakeTelegramServer fake;
    private TelegramBot bot;

    @BeforeEach
    void startFake() {
        fake = FakeTelegramServer.start(TOKEN);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        fake.close();
    }

    private TelegramBot startBot(CommandHandler handler) {
        bot = new TelegramBot(TOKEN, fake.baseUrl(), handler, COMMANDS);
        bot.start();
        return bot;
    }

    private CommandHandler recording(String answer) {
        return message -> {
            received.add(message);
            return Reply.text(answer + " " + message.text());
        };
    }

    @Test
    void answersHelpWithWhatTheHandlerReturns() throws Exception {
        startBot(recording("Herald answers"));
        fake.userSends(CHAT, USER, "/help");

        List<SentMessage> replies = fake.awaitMessages(CHAT, 1, WAIT);
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.plainText()).isEqualTo("Herald answers /help");
            assertThat(reply.parseMode()).contains("HTML");
        });
        IncomingMessage message = received.poll(1, TimeUnit.SECONDS);
        assertThat(message).isEqualTo(new IncomingMessage(Destination.telegram(CHAT), "777", "/help"));
    }

    @Test
    void aGroupAdminCheckThatTelegramFailsIsNeitherYesNorNoAndIsNotRemembered() {
        long group = -100_5151;
        fake.makeGroupAdmin(group, USER);
        try (TelegramClients clients = TelegramClients.create(TOKEN, fake.baseUrl())) {
            TelegramChatAdmins admins = new TelegramChatAdmins(clients.client(), Clock.systemUTC());
            fake.failNext(502, "Bad Gateway");
            assertThatThrownBy(() -> admins.isAdmin(group, Long.toString(USER)))
                    .isInstanceOf(ChatRole.Unknown.class);
            assertThat(admins.isAdmin(group, Long.toString(USER))).as("asked again, and now answered").isTrue();
            assertThat(admins.role(group, true, "778").mayChangeChat()).isFalse();
        }
    }

    @Test
    void publishesTheCommandMenuOnStart() {
        startBot(recording("x"));
        assertThat(fake.commands()).containsExactly(new FakeTelegramServer.Command("help", "What I can do"),
                new FakeTelegramServer.Command("subscribe", "Alert me about a query"));
    }

    @Test
    void answersEachChatInOrder() {
        startBot(recording("echo"));
        fake.userSends(CHAT, USER, "one");
        fake.userSends(CHAT, USER, "two");
        fake.userSends(-100200, 9, "/help");

        assertThat(fake.awaitMessages(CHAT, 2, WAIT)).extracting(SentMessage::plainText)
                .containsExactly("echo one", "echo two");
        assertThat(fake.awaitMessages(-100200, 1, WAIT)).extracting(SentMessage::plainText)
                .containsExactly("echo /help");
    }

    @Test
    void apologisesWhenTheHandlerFails() {
        startBot(message -> {
            throw new IllegalStateException("database is on fire");
        });
        fake.userSends(CHAT, USER, "/list");
        assertThat(fake.awaitMessages(CHAT, 1, WAIT)).extracting(SentMessage::plainText)
                .containsExactly(Replies.sorry().toString());
    }

    @Test
    void hintsAtHelpForMessagesWithoutText() {
        startBot(recording("x"));
        fake.userSendsLocation(CHAT, USER);
        assertThat(fake.awaitMessages(CHAT, 1, WAIT)).extracting(SentMessage::plainText)
                .containsExactly(Replies.textOnly().toString());
        assertThat(received).isEmpty();
    }

    @Test
    void splitsRepliesLongerThanTelegramAllows() {
        String longAnswer = "line of a very long subscription list\n".repeat(200);
        startBot(message -> Reply.text(longAnswer));
        fake.userSends(CHAT, USER, "/list");
        List<SentMessage> replies = fake.awaitMessages(CHAT, 2, WAIT);
        assertThat(replies).hasSize(2).allSatisfy(r -> assertThat(r.plainText().length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void takesGroupCommandsAddressedToItAndIgnoresOtherBots() throws Exception {
        startBot(recording("ok"));
        fake.userSends(-100300, USER, "/help@someotherbot");
        fake.userSends(-100300, USER, "/subscribe@" + FakeTelegramServer.BOT_USERNAME + " kursk");
        assertThat(fake.awaitMessages(-100300, 1, WAIT)).extracting(SentMessage::plainText)
                .containsExactly("ok /subscribe kursk");
        assertThat(received.poll(1, TimeUnit.SECONDS).text()).isEqualTo("/subscribe kursk");
        assertThat(received).isEmpty();
    }

    @Test
    void answersButtonPressesAndPassesTheirDataOn() throws Exception {
        startBot(recording("done"));
        String queryId = fake.userPresses(CHAT, USER, "/unsubscribe 12");
        assertThat(fake.awaitMessages(CHAT, 1, WAIT)).extracting(SentMessage::plainText)
                .containsExactly("done /unsubscribe 12");
        assertThat(fake.answeredCallbackQueries()).containsExactly(queryId);
    }

    @Test
    void refusesToStartWithAWrongTokenWithoutRevealingIt() {
        bot = new TelegramBot("999:wrong-secret", fake.baseUrl(), recording("x"), COMMANDS);
        assertThatThrownBy(bot::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unauthorized")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret"));
    }

    @Test
    void closeStopsPollingAndEveryThreadTheBotStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        startBot(recording("hi"));
        fake.userSends(CHAT, USER, "/help");
        assertThat(fake.awaitMessages(CHAT, 1, WAIT)).hasSize(1);
        awaitTrue(() -> fake.callCount("getUpdates") >= 2); // the next long poll is being held

        long start = System.nanoTime();
        bot.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        awaitTrue(() -> leftoverThreads(before).isEmpty());
        assertThat(leftoverThreads(before)).isEmpty();
        int polls = fake.callCount("getUpdates");
        fake.userSends(CHAT, USER, "/help again");
        assertThat(fake.awaitMessages(CHAT, 2, Duration.ofMillis(300))).hasSize(1);
        assertThat(fake.callCount("getUpdates")).isEqualTo(polls);
    }

    /** Threads started since {@code before} that would keep the JVM alive or that belong to the bot. */
    private static Set<String> leftoverThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.isDaemon() || t.getName().startsWith("herald-telegram"))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .collect(Collectors.toSet());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void underASupervisorItReportsTheLongPollDisconnectedAndConnectedAgainAndKeepsAnswering() throws Exception {
        Transports transports = new Transports(Clock.systemUTC());
        try (TelegramClients clients = TelegramClients.create(TOKEN, fake.baseUrl());
             Supervisor supervisor = new Supervisor()) {
            supervisor.supervise(TelegramBot.TRANSPORT, false,
                    new TelegramBot(clients, recording("ok"), Optional.empty(), COMMANDS, transports));
            waitUntil(() -> connected(transports));
            fake.failUpdates(502, "Bad Gateway", 2);
            fake.userSends(CHAT, USER, "/help"); // ends the held long poll; the next two getUpdates fail
            waitUntil(() -> transports.states().stream().anyMatch(s -> !s.connected()
                    && s.reason().orElse("").equals("getUpdates answered HTTP 502")));
            fake.userSends(CHAT, USER, "/list");
            waitUntil(() -> connected(transports));
            assertThat(fake.awaitMessages(CHAT, 2, WAIT)).extracting(SentMessage::plainText)
                    .containsExactly("ok /help", "ok /list");
        }
    }

    @Test
    void underASupervisorAStartThatFailsIsRetriedUntilTelegramAnswers() throws Exception {
        Transports transports = new Transports(Clock.systemUTC());
        fake.failNext(500, "Internal Server Error");
        fake.failNext(500, "Internal Server Error");
        try (TelegramClients clients = TelegramClients.create(TOKEN, fake.baseUrl());
             Supervisor supervisor = new Supervisor()) {
            supervisor.supervise(TelegramBot.TRANSPORT, false,
                    new TelegramBot(clients, recording("ok"), Optional.empty(), COMMANDS, transports));
            waitUntil(() -> supervisor.states().get(0).restarts() >= 1 && connected(transports));
            assertThat(supervisor.states().get(0).lastError()).hasValueSatisfying(e -> assertThat(e)
                    .contains("getMe failed").doesNotContain(TOKEN));
            fake.userSends(CHAT, USER, "/help");
            assertThat(fake.awaitMessages(CHAT, 1, WAIT)).singleElement()
                    .satisfies(m -> assertThat(m.plainText()).isEqualTo("ok /help"));
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean connected(Transports transports) {
        return transports.states().stream().anyMatch(s -> s.transport().equals("telegram") && s.connected());
    }
}
