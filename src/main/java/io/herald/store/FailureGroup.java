package io.herald.store;

import java.util.List;
import java.util.Objects;

/**
 * Failed alerts that failed for the same reason.
 *
 * @param reason       the reason as recorded, with only each row's own alert id written {@code #} and its own
 *                     destination written {@code <destination>}; every other number (status codes, waits, ids of
 *                     other things) is kept as it was
 * @param count        how many failed alerts gave this reason
 * @param destinations the destinations concerned, intact, most alerts first (at most {@link #MAX_LISTED})
 * @param alertIds     the newest alert ids of the group, intact (at most {@link #MAX_LISTED})
 * @param destinationCount how many destinations the group concerns in all
 */
public record FailureGroup(String reason, int count, List<String> destinations, List<Long> alertIds,
                           int destinationCount) {
    public static final int MAX_LISTED = 5;

    public FailureGroup {
        Objects.requireNonNull(reason, "reason");
        destinations = List.copyOf(destinations);
        alertIds = List.copyOf(alertIds);
    }
}
