package io.herald.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Kind;
import io.herald.config.YamlNode.Mapping;
import io.herald.config.YamlNode.Scalar;
import io.herald.config.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps line numbers, by walking Jackson's YAML token stream.
 * Duplicate keys, aliases and extra documents are reported to {@link Problems}; a syntax error is reported with
 * the parser's line and ends the reading.
 */
final class YamlTreeReader {
    private final Problems problems;
    private YAMLParser parser;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * @return the root node (a NULL scalar for an empty document), or empty after a syntax error
     */
    Optional<YamlNode> read(String yaml) {
        try (YAMLParser p = new YAMLFactory().createParser(yaml)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.of(new Scalar(1, "", Kind.NULL));
            }
            YamlNode root = readValue(first);
            if (p.nextToken() != null) {
                problems.error(line(), "only one YAML document is allowed (found another one here)");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            reportSyntaxError(e, Math.max(1, (int) yaml.lines().count()));
            return Optional.empty();
        } catch (IOException e) {
            problems.error(1, "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        } finally {
            parser = null;
        }
    }

    private YamlNode readValue(JsonToken token) throws IOException {
        int line = line();
        switch (token) {
            case START_OBJECT:
                return readMapping(line);
            case START_ARRAY:
                return readSequence(line);
            case VALUE_STRING:
                if (parser.isCurrentAlias()) {
                    problems.error(line, "YAML aliases (*" + parser.getText() + ") are not supported: write the value out");
                    return new Scalar(line, "", Kind.NULL);
                }
                return new Scalar(line, parser.getText(), Kind.STRING);
            case VALUE_NUMBER_INT:
                return new Scalar(line, parser.getText(), Kind.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return new Scalar(line, parser.getText(), Kind.FLOAT);
            case VALUE_TRUE:
                return new Scalar(line, parser.getText(), Kind.TRUE);
            case VALUE_FALSE:
                return new Scalar(line, parser.getText(), Kind.FALSE);
            case VALUE_NULL:
                return new Scalar(line, "", Kind.NULL);
            default:
                // embedded binary (!!binary) and the like: keep the text, validators will refuse it
                return new Scalar(line, String.valueOf(parser.getText()), Kind.STRING);
        }
    }

    private Mapping readMapping(int line) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            YamlNode value = readValue(parser.nextToken());
            Integer first = seen.putIfAbsent(key, keyLine);
            if (first != null) {
                problems.error(keyLine, "duplicate key '" + key + "' (first written at line " + first + ")");
            } else {
                entries.add(new Entry(key, keyLine, value));
            }
        }
        return new Mapping(line, entries);
    }

    private Sequence readSequence(int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(token));
        }
        return new Sequence(line, items);
    }

    private int line() {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    /** Reports the parser's problem at its line, kept within the text ({@code lastLine}) when it is the end of input. */
    private void reportSyntaxError(JsonProcessingException e, int lastLine) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String message = "YAML syntax error: " + oneLine(marked.getProblem());
            if (marked.getContext() != null && marked.getContextMark() != null) {
                message += " (" + oneLine(marked.getContext()) + " started at line "
                        + (marked.getContextMark().getLine() + 1) + ")";
            }
            problems.error(Math.min(lastLine, marked.getProblemMark().getLine() + 1), message);
            return;
        }
        JsonLocation location = e.getLocation();
        int line = location == null ? 1 : Math.min(lastLine, Math.max(1, location.getLineNr()));
        problems.error(line, "YAML syntax error: " + oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "unreadable YAML";
        }
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
