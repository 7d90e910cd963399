package io.hallway.suggestions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FanOutTest {

    private static final FanOut.Key KUBERNETES = term("interest:kubernetes", 3, 13_000);
    private static final FanOut.Key WASM_ON_MAINFRAMES = term("interest:wasm on mainframes", 3, 6);
    private static final FanOut.Key HIRING_GO = new FanOut.Key("work:go", "seeks", null, null, 5, 40);
    private static final FanOut.Key KEYNOTE = new FanOut.Key(null, null, 7L, null, 2, 480);
    private static final FanOut.Key WORKSHOP = new FanOut.Key(null, null, 8L, null, 2, 30);

    @Test
    void the_rarest_keys_are_followed_first_while_their_holders_fit_the_budget() {
        assertEquals(List.of(WASM_ON_MAINFRAMES, WORKSHOP, HIRING_GO),
                FanOut.choose(List.of(KUBERNETES, KEYNOTE, HIRING_GO, WORKSHOP, WASM_ON_MAINFRAMES), 100));
        assertEquals(List.of(WASM_ON_MAINFRAMES, WORKSHOP, HIRING_GO, KEYNOTE),
                FanOut.choose(List.of(KUBERNETES, KEYNOTE, HIRING_GO, WORKSHOP, WASM_ON_MAINFRAMES), 556));
    }

    @Test
    void a_key_held_by_more_people_than_the_budget_is_never_followed() {
        assertEquals(List.of(), FanOut.choose(List.of(KUBERNETES), 500));
        assertEquals(List.of(WORKSHOP), FanOut.choose(List.of(KUBERNETES, WORKSHOP), 500));
    }

    @Test
    void a_key_nobody_counted_yet_costs_nothing_and_comes_first() {
        FanOut.Key uncounted = term("interest:new topic", 3, 0);
        assertEquals(List.of(uncounted, WASM_ON_MAINFRAMES), FanOut.choose(List.of(WASM_ON_MAINFRAMES, uncounted), 6));
    }

    @Test
    void between_keys_held_by_as_many_the_one_worth_more_points_comes_first() {
        FanOut.Key session = new FanOut.Key(null, null, 9L, null, 2, 40);
        assertEquals(List.of(HIRING_GO), FanOut.choose(List.of(session, HIRING_GO), 50));
    }

    private static FanOut.Key term(String term, int points, long holders) {
        return new FanOut.Key(term, "shared", null, null, points, holders);
    }
}
