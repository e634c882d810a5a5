package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.herald.config.ConfigLoader;
import io.herald.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker-compose.yml} (no container engine runs here, and {@code docker compose config} is not installed):
 * parsed with the project's YAML library and checked for what running two nodes needs: PostgreSQL with a
 * healthcheck, two Herald nodes from the image that wait for it, secrets only as files, environments Herald's own
 * settings reader accepts, healthchecks on {@code /health/ready}, and the config file they mount.
 */
class DockerComposeTest {
    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final List<String> NODES = List.of("herald-1", "herald-2");

    @TempDir
    Path dir;

    private static JsonNode compose() throws Exception {
        return new YAMLMapper().readTree(Files.readString(COMPOSE));
    }

    @Test
    void postgresAndTwoHeraldNodesThatWaitForItsHealthcheck() throws Exception {
        JsonNode services = compose().path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("postgres", "herald-1", "herald-2");

        JsonNode pg = services.path("postgres");
        assertThat(pg.path("image").asText()).startsWith("postgres:");
        assertThat(pg.path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(pg.path("environment").has("POSTGRES_PASSWORD")).as("no password in the file").isFalse();
        assertThat(pg.path("environment").path("POSTGRES_PASSWORD_FILE").asText())
                .isEqualTo("/run/secrets/postgres_password");
        assertThat(pg.path("volumes").get(0).asText()).startsWith("pgdata:");
        assertThat(compose().path("volumes").has("pgdata")).isTrue();

        List<String> ports = new ArrayList<>();
        for (String name : NODES) {
            JsonNode node = services.path(name);
            assertThat(node.path("image").asText()).as(name).isEqualTo("herald:latest");
            assertThat(node.path("build").asText()).as(name).isEqualTo(".");
            assertThat(node.path("depends_on").path("postgres").path("condition").asText()).as(name)
                    .isEqualTo("service_healthy");
            String port = node.path("environment").path("HERALD_HTTP_PORT").asText();
            String check = node.path("healthcheck").path("test").toString();
            assertThat(check).as(name).contains("/health/ready", "/dev/tcp/127.0.0.1/" + port);
            assertThat(node.path("ports").get(0).asText()).as(name).startsWith("127.0.0.1:").endsWith(":" + port);
            ports.add(node.path("ports").get(0).asText());
        }
        assertThat(ports).as("each node on a port of its own").doesNotHaveDuplicates();
        JsonNode first = ((com.fasterxml.jackson.databind.node.ObjectNode) services.path("herald-1").deepCopy())
                .without("ports");
        JsonNode second = ((com.fasterxml.jackson.databind.node.ObjectNode) services.path("herald-2").deepCopy())
                .without("ports");
        assertThat(first).as("the nodes differ only in their published port").isEqualTo(second);
    }

    @Test
    void secretsComeFromFilesAndTheNodesEnvironmentIsOneHeraldAccepts() throws Exception {
        JsonNode root = compose();
        JsonNode secrets = root.path("secrets");
        for (String name : NODES) {
            JsonNode node = root.path("services").path(name);
            Map<String, String> env = new HashMap<>();
            node.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            List<String> mounted = new ArrayList<>();
            node.path("secrets").forEach(s -> mounted.add(s.asText()));
            for (String key : List.copyOf(env.keySet())) {
                assertThat(key).as(name + ": a secret given inline").doesNotEndWith("TOKEN").doesNotEndWith("PASSWORD")
                        .doesNotEndWith("SECRET");
                if (key.endsWith("_FILE")) {
                    String secret = env.get(key).replace("/run/secrets/", "");
                    assertThat(mounted).as(name + ": " + key + " is mounted").contains(secret);
                    assertThat(secrets.path(secret).path("file").asText()).as("secret " + secret).startsWith("./secrets/");
                    Path file = dir.resolve(secret);
                    Files.writeString(file, "7000099:compose-" + secret + "\n");
                    env.put(key, file.toString());
                }
            }
            assertThat(env.get("HERALD_DB")).startsWith("jdbc:postgresql://postgres:5432/");
            env.put("HERALD_CONFIG", Path.of("config/herald.yml").toAbsolutePath().toString());

            Settings settings = Settings.fromEnv(env);
            assertThat(settings.usesPostgres()).isTrue();
            assertThat(settings.telegramToken()).isPresent();
            assertThat(settings.databasePassword()).isPresent();
            assertThat(settings.httpPort()).hasValue(8080);
        }
        String mount = root.path("services").path("herald-1").path("volumes").get(0).asText();
        assertThat(mount).isEqualTo("./config/herald.yml:/app/config/herald.yml:ro");
        assertThat(ConfigLoader.load(Path.of("config/herald.yml")).config().feeds()).isNotEmpty();
    }
}
