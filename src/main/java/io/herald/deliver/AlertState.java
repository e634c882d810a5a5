package io.herald.deliver;

/** What an alert's buttons show: the subscription as it is, or what a press just did (with an Undo button). */
public enum AlertState {
    /** "Mute this query" and "Unsubscribe". */
    ACTIVE,
    /** The subscription was muted from this alert: "Muted · Undo". */
    MUTED,
    /** The subscription was removed from this alert: "Unsubscribed · Undo". */
    UNSUBSCRIBED
}
