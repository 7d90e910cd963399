package io.hallway.venue;

import io.hallway.common.WireEnum;

/** Turn signs from the change of bearing between two edges, in the manner of GraphHopper's instructions. */
enum Turn implements WireEnum {
    STRAIGHT("Continue straight"), SLIGHT_LEFT("Bear left"), LEFT("Turn left"), SHARP_LEFT("Turn sharp left"),
    SLIGHT_RIGHT("Bear right"), RIGHT("Turn right"), SHARP_RIGHT("Turn sharp right"), U_TURN("Turn around");

    final String phrase;

    Turn(String phrase) {
        this.phrase = phrase;
    }

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    /** Bearing of the way from (x1, y1) to (x2, y2) in degrees, counter-clockwise from the plan's x axis. */
    static double bearing(double x1, double y1, double x2, double y2) {
        return Math.toDegrees(Math.atan2(y2 - y1, x2 - x1));
    }

    /** Change of bearing in (-180, 180]; positive turns left because y grows towards the top of the plan. */
    static double change(double fromBearing, double toBearing) {
        double delta = (toBearing - fromBearing) % 360;
        if (delta > 180) {
            delta -= 360;
        } else if (delta <= -180) {
            delta += 360;
        }
        return delta;
    }

    static Turn of(double change) {
        double size = Math.abs(change);
        if (size <= 20) {
            return STRAIGHT;
        }
        if (size >= 160) {
            return U_TURN;
        }
        boolean left = change > 0;
        if (size <= 55) {
            return left ? SLIGHT_LEFT : SLIGHT_RIGHT;
        }
        if (size <= 125) {
            return left ? LEFT : RIGHT;
        }
        return left ? SHARP_LEFT : SHARP_RIGHT;
    }
}
