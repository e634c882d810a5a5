package io.herald.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private final Redactor redactor = new Redactor(List.of("s3cret/value+1", "pw", "xoxb-111-222-abc"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "configured secret          | error at s3cret/value+1 here                 | error at *** here",
        "URL-encoded form           | GET /x?key=s3cret%2Fvalue%2B1                | GET /x?key=***",
        "too short to be a secret   | pw is fine                                   | pw is fine",
        "a Telegram token shape     | POST /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage | POST /bot***/sendMessage",
        "after digits became #      | /bot#:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/x  | /bot***/x",
        "a Slack token shape        | invalid_auth for xoxb-999-888-zzzzzzzz        | invalid_auth for ***",
        "an app-level token         | xapp-1-A0-123-abcdef                          | ***",
        "ordinary text              | 502 Bad Gateway at 12:30                      | 502 Bad Gateway at 12:30",
    })
    void removesSecretsAndTokenShapes(String name, String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void copiesExceptionsWithRedactedMessagesAndTheSameStack() {
        IllegalStateException cause = new IllegalStateException("token s3cret/value+1 refused");
        RuntimeException error = new RuntimeException("call failed: s3cret/value+1", cause);
        Throwable copy = redactor.redact(error);
        assertThat(copy.getMessage()).isEqualTo("java.lang.RuntimeException: call failed: ***");
        assertThat(copy.getCause().getMessage()).contains("token *** refused");
        assertThat(copy.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(redactor.leaks(copy.getMessage() + copy.getCause().getMessage())).isFalse();
    }
}
