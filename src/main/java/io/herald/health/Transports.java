package io.herald.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers each chat transport's last reported state for {@code /health/ready}; logs every change. */
public final class Transports implements TransportStatus {
    private static final Logger LOG = LoggerFactory.getLogger(Transports.class);

    /**
     * One transport's state.
     *
     * @param reason why it is disconnected, when it is
     */
    public record State(String transport, boolean connected, Optional<String> reason, Instant since) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    public Transports(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void connected(String transport) {
        State old = states.get(transport);
        if (old == null || !old.connected()) {
            states.put(transport, new State(transport, true, Optional.empty(), clock.instant()));
            LOG.info("{}: connected", transport);
        }
    }

    @Override
    public void disconnected(String transport, String reason) {
        State old = states.get(transport);
        if (old == null || old.connected() || !old.reason().equals(Optional.of(reason))) {
            states.put(transport, new State(transport, false, Optional.of(reason), clock.instant()));
            LOG.warn("{}: disconnected: {}", transport, reason);
        }
    }

    /** Forgets a transport this node no longer runs (handed to another node of a cluster). */
    public void forget(String transport) {
        if (states.remove(transport) != null) {
            LOG.info("{}: no longer run by this node", transport);
        }
    }

    public List<State> states() {
        return states.values().stream().sorted(java.util.Comparator.comparing(State::transport)).toList();
    }
}
