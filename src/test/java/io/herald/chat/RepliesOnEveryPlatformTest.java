package io.herald.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.herald.testsupport.FakeSlackMrkdwn;
import io.herald.testsupport.FakeTelegramServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the reply catalogue, found by reflection (a new entry is checked as soon as it exists), rendered
 * for both platforms and checked by their strict validators: Telegram's HTML parser as the fake Bot API runs it,
 * Slack's escaping rules for mrkdwn and plain_text. Arguments carry every character the platforms reserve, so a
 * missing or wrong escape shows; commands must read {@code /subscribe} in Telegram and {@code /herald subscribe}
 * in Slack.
 */
class RepliesOnEveryPlatformTest {
    /** Text with every character Telegram HTML or Slack mrkdwn reserve, and an HTML entity written by a user. */
    static final String NASTY = "a<b> & \"c\" 'd' *e* _f_ ~g~ `h` &amp; |i|";
    /** A command written as in Telegram; Slack's own {@code /invite} is Slack's, not Herald's. */
    private static final Pattern TELEGRAM_COMMAND = Pattern.compile("(?<![\\w/])/(?!herald\\b|invite\\b)[a-z]+\\b");
    private static final Pattern SLACK_COMMAND = Pattern.compile("(?<![\\w/])/herald [a-z]+\\b");

    static Stream<Method> catalogue() {
        return Arrays.stream(Replies.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == Reply.class)
                .sorted(java.util.Comparator.comparing(Method::getName));
    }

    @Test
    void theCatalogueIsFoundWhole() {
        assertThat(catalogue().map(Method::getName)).contains("help", "subscribed", "list", "wouldHaveMatched",
                "groupAdminsOnly", "routeMuted", "homeEmpty").hasSizeGreaterThan(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyReplyIsValidTelegramHtmlAndSlackMrkdwnInEachPlatformsWords(Method entry) throws Exception {
        Reply reply = (Reply) entry.invoke(null, arguments(entry));
        boolean tookText = Arrays.stream(entry.getParameterTypes()).anyMatch(t -> t == String.class);

        String html = ReplyFormat.TELEGRAM_HTML.render(reply);
        assertThatCode(() -> FakeTelegramServer.plainTextOfHtml(html)).as("Telegram parses %s", html)
                .doesNotThrowAnyException();
        String telegramSees = FakeTelegramServer.plainTextOfHtml(html);
        assertThat(telegramSees).isNotBlank().doesNotContain("/herald").hasSizeLessThanOrEqualTo(4096);
        if (tookText) {
            assertThat(telegramSees).as("the argument reads as written").contains(NASTY);
        }
        if (reply.parts().stream().noneMatch(p -> p instanceof Reply.Link)) {
            assertThat(telegramSees).isEqualTo(ReplyFormat.PLAIN.render(reply));
        }

        String mrkdwn = ReplyFormat.SLACK_MRKDWN.render(reply);
        assertThat(FakeSlackMrkdwn.problems(mrkdwn)).as("Slack's rules for %s", mrkdwn).isEmpty();
        String slackSees = FakeSlackMrkdwn.visibleText(mrkdwn);
        assertThat(slackSees).hasSizeLessThanOrEqualTo(3000);
        assertThat(TELEGRAM_COMMAND.matcher(slackSees).results().map(r -> r.group()).toList())
                .as("Slack commands are written /herald ...: %s", slackSees).isEmpty();
        if (tookText) {
            assertThat(slackSees).as("the argument reads as written").contains(NASTY);
        }
        String slackPlain = ReplyFormat.SLACK_PLAIN.render(reply);
        if (entry.getParameterCount() == 0) {
            assertThat(FakeSlackMrkdwn.plainTextProblems(slackPlain)).isEmpty();
        }
        assertThat(slackPlain).doesNotContain("&lt;", "&gt;");
    }

    @Test
    void helpSpeaksEachPlatformsCommands() {
        Reply help = Replies.help();
        String html = ReplyFormat.TELEGRAM_HTML.render(help);
        assertThat(html).contains("/subscribe &lt;query&gt; - get alerts").doesNotContain("/herald");
        assertThat(FakeTelegramServer.plainTextOfHtml(html)).contains("/subscribe <query> - get alerts",
                "/test <query>", "/list - your subscriptions");

        String mrkdwn = ReplyFormat.SLACK_MRKDWN.render(help);
        assertThat(mrkdwn).contains("/herald subscribe &lt;query&gt; - get alerts", "/herald list - your");
        assertThat(FakeSlackMrkdwn.visibleText(mrkdwn)).contains("/herald subscribe <query> - get alerts")
                .doesNotContain("&lt;", "&amp;");
        assertThat(SLACK_COMMAND.matcher(FakeSlackMrkdwn.visibleText(mrkdwn)).results().count())
                .as("every command line").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aSubscriptionsAnswerPointsAtTheRightListCommand() {
        Reply done = Replies.subscribed(1, "nato & <otan>");
        assertThat(FakeSlackMrkdwn.visibleText(ReplyFormat.SLACK_MRKDWN.render(done)))
                .isEqualTo("Subscribed (#1): `nato & <otan>`\nI'll send you new stories that match."
                        + " /herald list shows all your subscriptions.");
        assertThat(ReplyFormat.SLACK_MRKDWN.render(done)).contains("`nato &amp; &lt;otan&gt;`");
        assertThat(ReplyFormat.TELEGRAM_HTML.render(done)).isEqualTo("Subscribed (#1): <code>nato &amp; &lt;otan&gt;"
                + "</code>\nI'll send you new stories that match. /list shows all your subscriptions.");
    }

    @Test
    void theValidatorsCatchWhatTheyShould() {
        assertThat(FakeSlackMrkdwn.problems("/subscribe <query>")).isNotEmpty();
        assertThat(FakeSlackMrkdwn.problems("a & b")).isNotEmpty();
        assertThat(FakeSlackMrkdwn.problems("it&#39;s &quot;x&quot;")).hasSize(3);
        assertThat(FakeSlackMrkdwn.problems("<https://x.org/a?b=1&amp;c=2|a &amp; b> &lt;q&gt;")).isEmpty();
        assertThat(FakeSlackMrkdwn.plainTextProblems("/herald subscribe &lt;query&gt;")).hasSize(2);
        assertThat(TELEGRAM_COMMAND.matcher("/list shows all").find()).isTrue();
        assertThat(TELEGRAM_COMMAND.matcher("/herald list shows all").find()).isFalse();
    }

    private static Object[] arguments(Method entry) {
        Type[] types = entry.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = sample(types[i]);
        }
        return args;
    }

    private static Object sample(Type type) {
        if (type == String.class) {
            return NASTY;
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 3 : (Object) 3L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Reply.class) {
            return Reply.of("Story about {} (world) ", Reply.strong(NASTY)).then(Reply.of("{}",
                    Reply.link("https://news.example.org/a?b=1&c=<2>", NASTY)));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            if (element == Replies.Listed.class) {
                return List.of(new Replies.Listed(NASTY, NASTY, true), new Replies.Listed("desk", "kursk", false));
            }
            return List.of(sample(element), sample(element));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == java.util.Set.class) {
            return new java.util.TreeSet<>(List.of((String) sample(p.getActualTypeArguments()[0]), "world"));
        }
        throw new AssertionError("give the catalogue's parameter type " + type + " a sample value here");
    }
}
