package io.herald.config;

import java.util.Set;

/** Who may run admin commands, per platform user id. */
public record Admins(Set<Long> telegram, Set<String> slack) {
    public static final Admins NONE = new Admins(Set.of(), Set.of());

    public Admins {
        telegram = telegram == null ? Set.of() : Set.copyOf(telegram);
        slack = slack == null ? Set.of() : Set.copyOf(slack);
    }
}
