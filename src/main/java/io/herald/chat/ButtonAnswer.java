package io.herald.chat;

import io.herald.deliver.AlertState;
import io.herald.model.Alert;
import java.util.Optional;

/**
 * What a press on an alert's button did.
 *
 * @param text  one short sentence for the person who pressed (Telegram's callback answer, Slack's ephemeral)
 * @param alert the alert to redraw with buttons for {@code state}; empty to leave the message as it is
 */
public record ButtonAnswer(Reply text, Optional<Alert> alert, AlertState state) {

    static ButtonAnswer only(Reply text) {
        return new ButtonAnswer(text, Optional.empty(), AlertState.ACTIVE);
    }

    static ButtonAnswer redraw(Reply text, Alert alert, AlertState state) {
        return new ButtonAnswer(text, Optional.of(alert), state);
    }
}
