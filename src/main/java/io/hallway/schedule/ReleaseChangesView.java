package io.hallway.schedule;

import java.util.List;

/**
 * A release's changelog: every session it changed against the release before it ({@code previous}; null for the
 * first, against which every session is added), with what it was, what it is and what changed.
 */
public record ReleaseChangesView(ReleaseView release, String previous, List<ScheduleComparison.SessionChange> sessions) {
}
