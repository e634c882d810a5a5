package io.herald.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects config errors and warnings as {@code file:line: message} lines, in line order. */
final class Problems {
    private record Entry(int line, String text) {
    }

    private final String file;
    private final List<Entry> errors = new ArrayList<>();
    private final List<Entry> warnings = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(int line, String message) {
        errors.add(new Entry(line, file + ":" + line + ": " + message));
    }

    void warning(int line, String message) {
        warnings.add(new Entry(line, file + ":" + line + ": warning: " + message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<String> errors() {
        return sorted(errors);
    }

    List<String> warnings() {
        return sorted(warnings);
    }

    private static List<String> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparingInt(Entry::line)).map(Entry::text).toList();
    }
}
