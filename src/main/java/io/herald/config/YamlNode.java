package io.herald.config;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value read with its 1-based line number, so that every config problem can point at its line.
 * Only the three YAML shapes exist: mappings, sequences and scalars (an empty value is a {@link Scalar} of kind NULL).
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based line where the value starts. */
    int line();

    /** A short description for messages, e.g. {@code a list} or {@code the number 5}. */
    String describe();

    /** One {@code key: value} pair of a mapping; {@code keyLine} is where the key is written. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    /** A mapping, keys in file order, duplicates already removed. */
    record Mapping(int line, List<Entry> entries) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence (a YAML list). */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** What a scalar holds, as resolved by the YAML parser. */
    enum Kind { STRING, INTEGER, FLOAT, TRUE, FALSE, NULL }

    /** A single value; {@code text} is exactly what the file says (empty for an empty value). */
    record Scalar(int line, String text, Kind kind) implements YamlNode {
        boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            switch (kind) {
                case NULL:
                    return "nothing";
                case INTEGER:
                case FLOAT:
                    return "the number " + text;
                case TRUE:
                case FALSE:
                    return "the boolean " + text;
                default:
                    return "the text '" + text + "'";
            }
        }
    }
}
