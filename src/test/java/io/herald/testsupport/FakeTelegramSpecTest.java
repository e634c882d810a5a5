package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The fake's copy of the method parameters must agree with the Bot API spec it was taken from. */
class FakeTelegramSpecTest {

    private static final Path SPEC = Path.of("..", "shared", "specs", "telegram-bot-api.json");

    @Test
    void methodParametersMatchTheBotApiSpec() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SPEC), SPEC + " absent: skipped");
        JsonNode methods = new ObjectMapper().readTree(SPEC.toFile()).path("methods");
        for (String method : FakeTelegramSpec.methodNames()) {
            assertThat(methods.has(method)).as("spec knows %s", method).isTrue();
            List<FakeTelegramSpec.Field> expected = new ArrayList<>();
            for (JsonNode field : methods.path(method).path("fields")) {
                List<String> types = new ArrayList<>();
                field.path("types").forEach(t -> types.add(t.asText()));
                expected.add(new FakeTelegramSpec.Field(field.path("name").asText(), types,
                        field.path("required").asBoolean()));
            }
            assertThat(FakeTelegramSpec.fields(method)).as(method).containsExactlyElementsOf(expected);
        }
    }
}
