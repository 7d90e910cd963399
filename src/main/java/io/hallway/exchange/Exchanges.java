package io.hallway.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;

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

    /** A timestamptz column as the JDBC driver hands it to a native query. */
    static Instant instant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) column).toInstant();
    }
}
