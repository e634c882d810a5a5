package io.herald.store;

/** How a chat receives its alerts: one by one, or collected into a digest every hour or once a day. */
public enum DigestMode { OFF, HOURLY, DAILY }
