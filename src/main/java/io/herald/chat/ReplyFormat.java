package io.herald.chat;

/**
 * How one platform writes a {@link Reply}: its escaping, its markup and how its users type a command.
 * <ul>
 *   <li>{@link #TELEGRAM_HTML}: Telegram's {@code parse_mode=HTML}; {@code < > &} escaped as {@code &lt; &gt;
 *       &amp;} (and {@code "} in attributes), commands {@code /list}.</li>
 *   <li>{@link #PLAIN}: Telegram's plain text (callback answers, the console): nothing escaped, commands
 *       {@code /list}.</li>
 *   <li>{@link #SLACK_MRKDWN}: Slack's mrkdwn; only {@code & < >} escaped, as Slack asks; commands
 *       {@code /herald list}.</li>
 *   <li>{@link #SLACK_PLAIN}: Slack's {@code plain_text} objects: nothing escaped (no HTML entities),
 *       commands {@code /herald list}.</li>
 * </ul>
 */
public enum ReplyFormat {
    TELEGRAM_HTML("/") {
        @Override
        String text(String text) {
            return html(text);
        }

        @Override
        String code(String text) {
            return "<code>" + html(text) + "</code>";
        }

        @Override
        String strong(String text) {
            return "<b>" + html(text) + "</b>";
        }

        @Override
        String link(String url, String label) {
            return "<a href=\"" + html(url).replace("\"", "&quot;") + "\">" + html(label) + "</a>";
        }
    },
    PLAIN("/"),
    SLACK_PLAIN("/herald "),
    SLACK_MRKDWN("/herald ") {
        @Override
        String text(String text) {
            return mrkdwn(text);
        }

        @Override
        String code(String text) {
            return text.contains("`") || text.contains("\n") || text.isBlank() ? mrkdwn(text)
                    : "`" + mrkdwn(text) + "`";
        }

        @Override
        String strong(String text) {
            return text.contains("*") || text.isBlank() || !text.strip().equals(text) ? mrkdwn(text)
                    : "*" + mrkdwn(text) + "*";
        }

        @Override
        String link(String url, String label) {
            String safeUrl = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
                    .replace(" ", "%20");
            return "<" + safeUrl + "|" + mrkdwn(label.replace('|', '¦')) + ">";
        }
    };

    private static final java.util.regex.Pattern WEB = java.util.regex.Pattern.compile("(?i)https?://\\S+");

    private final String commandPrefix;

    ReplyFormat(String commandPrefix) {
        this.commandPrefix = commandPrefix;
    }

    /** The reply's text in this format; a link to anything but http(s) is shown as text, not as a link. */
    public String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Text t) {
                out.append(text(t.text()));
            } else if (part instanceof Reply.Command c) {
                out.append(commandPrefix).append(c.name());
            } else if (part instanceof Reply.Code c) {
                out.append(code(c.text()));
            } else if (part instanceof Reply.Strong s) {
                out.append(strong(s.text()));
            } else if (part instanceof Reply.Link l) {
                out.append(WEB.matcher(l.url()).matches() ? link(l.url(), l.label())
                        : text(l.label()) + " " + text(l.url()));
            }
        }
        return out.toString();
    }

    /** How the format writes a command the user can type, e.g. {@code /herald list}. */
    public String command(String name) {
        return commandPrefix + name;
    }

    String text(String text) {
        return text;
    }

    String code(String text) {
        return text;
    }

    String strong(String text) {
        return text;
    }

    String link(String url, String label) {
        return label + " " + url;
    }

    /** Telegram HTML text: {@code < > &} as entities, the only ones Telegram needs outside attributes. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Slack mrkdwn text: {@code & < >} as {@code &amp; &lt; &gt;}, the three Slack reserves. */
    static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
