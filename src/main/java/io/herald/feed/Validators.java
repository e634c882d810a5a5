package io.herald.feed;

import java.util.Optional;

/** Conditional-GET validators remembered from the last successful response. */
public record Validators(Optional<String> etag, Optional<String> lastModified) {
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        etag = etag == null ? Optional.empty() : etag;
        lastModified = lastModified == null ? Optional.empty() : lastModified;
    }
}
