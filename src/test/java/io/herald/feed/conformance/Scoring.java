package io.herald.feed.conformance;

/** Shared scoring helpers. */
final class Scoring {
    private Scoring() {
    }

    /**
     * Records a crash or hang on {@code score} (when given) and returns false; returns true when the parse ended
     * with a feed or a clean refusal.
     */
    static boolean noCrash(GroupScore score, String name, TimedParse.Outcome o) {
        if (o.hung()) {
            if (score != null) {
                score.hang(name);
            }
            return false;
        }
        if (o.crash().isPresent()) {
            if (score != null) {
                score.crash(name + ": " + o.crash().get());
            }
            return false;
        }
        if (score != null) {
            score.pass();
        }
        return true;
    }

    static String collapse(String s) {
        return s.replaceAll("[\\s\\u00a0\\u200b]+", " ").strip();
    }
}
