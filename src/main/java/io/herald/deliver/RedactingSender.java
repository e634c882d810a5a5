package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.model.Redactor;
import java.util.Objects;
import java.util.Optional;

/**
 * A sender whose failures carry no secret: whatever the platform (or a proxy in front of it) said, and whatever an
 * exception says, passes the {@link Redactor} before anyone logs, stores or shows it. Any other runtime error of the
 * underlying sender becomes a transient failure, redacted the same way.
 */
public final class RedactingSender implements AlertSender {
    private final AlertSender sender;
    private final Redactor redactor;

    public RedactingSender(AlertSender sender, Redactor redactor) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws SendFailure;
    }

    private <T> T guarded(Call<T> call) throws SendFailure {
        try {
            return call.run();
        } catch (SendFailure failure) {
            throw failure.redacted(redactor);
        } catch (RuntimeException e) {
            throw SendFailure.transientFailure(platform().key() + ": unexpected error: "
                    + redactor.redact(String.valueOf(e.getMessage())), redactor.redact(e));
        }
    }

    @Override
    public Platform platform() {
        return sender.platform();
    }

    @Override
    public void send(Alert alert) throws SendFailure {
        guarded(() -> {
            sender.send(alert);
            return null;
        });
    }

    @Override
    public Optional<String> sendTracked(Alert alert) throws SendFailure {
        return guarded(() -> sender.sendTracked(alert));
    }

    @Override
    public void sendPlain(Alert alert) throws SendFailure {
        guarded(() -> {
            sender.sendPlain(alert);
            return null;
        });
    }

    @Override
    public void sendNotice(String address, String text) throws SendFailure {
        guarded(() -> {
            sender.sendNotice(address, text);
            return null;
        });
    }

    @Override
    public void sendReply(Destination to, String text) throws SendFailure {
        guarded(() -> {
            sender.sendReply(to, text);
            return null;
        });
    }

    @Override
    public void sendReply(Destination to, ReplyText text) throws SendFailure {
        guarded(() -> {
            sender.sendReply(to, text);
            return null;
        });
    }

    @Override
    public void sendDigest(Digest digest) throws SendFailure {
        guarded(() -> {
            sender.sendDigest(digest);
            return null;
        });
    }

    @Override
    public void sendDigestPlain(Digest digest) throws SendFailure {
        guarded(() -> {
            sender.sendDigestPlain(digest);
            return null;
        });
    }
}
