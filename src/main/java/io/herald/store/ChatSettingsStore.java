package io.herald.store;

import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Per-chat delivery settings: digest mode and time zone. */
public interface ChatSettingsStore {

    /** The chat's settings, or the defaults when it never changed any. */
    ChatSettings get(Destination destination);

    /**
     * Sets the digest mode ({@code dailyAt} only matters for {@link DigestMode#DAILY}). Turning digests off makes the
     * chat's held alerts due now.
     */
    ChatSettings setDigest(Destination destination, DigestMode mode, LocalTime dailyAt);

    ChatSettings setTimezone(Destination destination, ZoneId zone);

    /** The chat's choice of link preview for its alerts, when it made one ({@code /preview}). */
    Optional<LinkPreview> linkPreview(Destination destination);

    void setLinkPreview(Destination destination, LinkPreview preview);

    /** Every chat whose digest mode is not {@link DigestMode#OFF}. */
    List<ChatSettings> withDigests();
}
