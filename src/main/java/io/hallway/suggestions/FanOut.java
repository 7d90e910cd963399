package io.hallway.suggestions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a person's keys a pool build fans out from: the rarest first, while their holders add up to at most the
 * budget. A key many people hold says little about any one of them (sharing the event's most popular topic with
 * thousands is no reason to meet) and costs the most to follow, so it is the first to go; a key nobody has counted
 * yet (new since the last count) costs nothing, it is most likely rare.
 */
final class FanOut {

    /**
     * One thing a person may be matched on, with how many hold it: a term (matched with holders of {@code role}) or
     * a bookmarked session or lightning block; {@code points} is what sharing it is worth.
     */
    record Key(String term, String role, Long sessionId, Long blockId, int points, long holders) {

        boolean isTerm() {
            return term != null;
        }
    }

    private static final Comparator<Key> RAREST_FIRST = Comparator.comparingLong(Key::holders)
            .thenComparing(Comparator.comparingInt(Key::points).reversed())
            .thenComparing(key -> String.valueOf(key.term()) + "|" + key.role() + "|" + key.sessionId() + "|" + key.blockId());

    private FanOut() {
    }

    static List<Key> choose(List<Key> keys, long budget) {
        List<Key> chosen = new ArrayList<>();
        long holders = 0;
        for (Key key : keys.stream().sorted(RAREST_FIRST).toList()) {
            if (holders + key.holders() > budget) {
                break;
            }
            holders += key.holders();
            chosen.add(key);
        }
        return chosen;
    }
}
