package io.herald.deliver.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A formatted alert ready for {@code chat.postMessage}: Block Kit blocks plus the notification text. */
record SlackMessage(String text, List<LayoutBlock> blocks) {
    SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
