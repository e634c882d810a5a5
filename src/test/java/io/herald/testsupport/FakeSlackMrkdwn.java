package io.herald.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's rules for text: in {@code mrkdwn}, {@code & < >} must be escaped as {@code &amp; &lt; &gt;} (those three
 * entities only; any other HTML entity shows literally) and {@code <} only opens a control sequence (a link, a user,
 * a channel or a special mention); in {@code plain_text}, nothing is escaped, so an entity there shows literally.
 * Slack does not refuse such text, it shows it wrongly: these checks find it.
 */
public final class FakeSlackMrkdwn {
    private static final Pattern CONTROL = Pattern.compile(
            "<(?:(?:https?://|mailto:)[^<>|\\s]+(?:\\|[^<>]*)?|@[UW][A-Z0-9]+(?:\\|[^<>]*)?|#C[A-Z0-9]+(?:\\|[^<>]*)?"
                    + "|![a-z^]+[^<>]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
    private static final Pattern ANY_ENTITY = Pattern.compile("&(#?[A-Za-z0-9]+);");

    private FakeSlackMrkdwn() {
    }

    /** What Slack would show wrongly in a {@code mrkdwn} text; empty when it is written by Slack's rules. */
    public static List<String> problems(String mrkdwn) {
        List<String> problems = new ArrayList<>();
        Matcher control = CONTROL.matcher(mrkdwn);
        StringBuilder outside = new StringBuilder();
        int at = 0;
        while (control.find()) {
            outside.append(mrkdwn, at, control.start()).append(' ');
            at = control.end();
        }
        outside.append(mrkdwn.substring(at));
        String rest = outside.toString();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '<') {
                problems.add("'<' at " + i + " opens no control sequence (escape it as &lt;)");
            } else if (c == '>' && !(i == 0 || rest.charAt(i - 1) == '\n')) {
                problems.add("'>' at " + i + " is not escaped as &gt;");
            } else if (c == '&') {
                Matcher e = ENTITY.matcher(rest).region(i, rest.length());
                if (!e.lookingAt()) {
                    Matcher any = ANY_ENTITY.matcher(rest).region(i, rest.length());
                    problems.add(any.lookingAt() ? "HTML entity " + any.group() + " at " + i + " shows literally"
                            : "'&' at " + i + " is not escaped as &amp;");
                }
            }
        }
        return problems;
    }

    /** What Slack shows for a {@code plain_text} text that holds an entity: the entity itself. */
    public static List<String> plainTextProblems(String plainText) {
        List<String> problems = new ArrayList<>();
        Matcher any = ANY_ENTITY.matcher(plainText);
        while (any.find()) {
            problems.add("HTML entity " + any.group() + " in plain_text shows literally");
        }
        return problems;
    }

    /** The text a Slack user reads: links shown by their label, the three entities decoded. */
    public static String visibleText(String mrkdwn) {
        Matcher control = CONTROL.matcher(mrkdwn);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (control.find()) {
            out.append(mrkdwn, at, control.start());
            String inside = control.group().substring(1, control.group().length() - 1);
            int bar = inside.indexOf('|');
            out.append(bar < 0 ? inside : inside.substring(bar + 1));
            at = control.end();
        }
        out.append(mrkdwn.substring(at));
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
