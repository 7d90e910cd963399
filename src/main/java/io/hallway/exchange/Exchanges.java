package io.hallway.exchange;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;

/** Small pieces the exchange resources share. */
final class Exchanges {

    private Exchanges() {
    }

    static Problem switchedOff() {
        return Problem.of(ProblemType.EXCHANGE_SWITCHED_OFF,
                "The organizers switched contact exchange off for this event.");
    }
}
