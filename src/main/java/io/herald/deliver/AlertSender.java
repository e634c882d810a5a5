package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.model.Platform;

/** Sends one formatted alert to one platform. Implementations live in platform sub-packages. */
public interface AlertSender {

    /** The platform whose destinations this sender serves. */
    Platform platform();

    /**
     * Sends the alert to {@code alert.destination()}.
     *
     * @throws SendFailure when the platform refused or could not be reached; says whether to retry and when
     */
    void send(Alert alert) throws SendFailure;
}
