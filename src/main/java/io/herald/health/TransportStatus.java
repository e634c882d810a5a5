package io.herald.health;

/**
 * The port a chat transport (Telegram long polling or webhook, Slack Socket Mode) reports its connection to:
 * {@code /health/ready} says "degraded" while one is disconnected. Transports call it on every change; repeated
 * calls with the same state are cheap.
 */
public interface TransportStatus {

    /** Reports nothing (tests, the demo). */
    TransportStatus NONE = new TransportStatus() {
        @Override
        public void connected(String transport) {
        }

        @Override
        public void disconnected(String transport, String reason) {
        }
    };

    /** {@code transport} (e.g. {@code telegram}) can receive and answer messages now. */
    void connected(String transport);

    /** {@code transport} lost its connection; {@code reason} in plain words, never with a secret. */
    void disconnected(String transport, String reason);
}
