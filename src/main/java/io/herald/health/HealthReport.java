package io.herald.health;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Herald's health as {@code /health/ready} reports it: {@code ok}, {@code degraded} (working, with a problem an
 * operator should know) or {@code down} (not doing its job: not ready), with every reason in plain words.
 *
 * @param sample the last health check, for the counts shown next to the status
 */
public record HealthReport(Level status, List<String> reasons, Optional<HealthSample> sample) {

    /** How healthy. */
    public enum Level {
        OK, DEGRADED, DOWN;

        /** As shown: {@code ok}, {@code degraded}, {@code down}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HealthReport {
        reasons = List.copyOf(reasons);
    }

    /** Ready unless down. */
    public boolean ready() {
        return status != Level.DOWN;
    }
}
