package io.herald.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Loads config text under the name {@code herald.yml}, accepting every route query. */
final class TestConfigs {
    static final QueryCheck ANY_QUERY = query -> { };

    private TestConfigs() {
    }

    static LoadedConfig load(String yaml) throws ConfigException {
        return ConfigLoader.parse("herald.yml", yaml, ANY_QUERY);
    }

    /** The exception a config with errors throws. */
    static ConfigException failure(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(yaml));
        if (e == null) {
            throw new AssertionError("expected config problems, but it loaded:\n" + yaml);
        }
        return e;
    }

    static List<String> problems(String yaml) {
        return failure(yaml).problems();
    }
}
