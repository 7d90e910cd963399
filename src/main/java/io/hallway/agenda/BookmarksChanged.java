package io.hallway.agenda;

import java.util.List;

/**
 * Fired, inside the changing transaction, when people's bookmarks in an event changed: one person added or removed
 * one (not for a no-op), or a session left the public schedule or a lightning block was deleted and took its
 * bookmarks with it (everyone who had bookmarked it, at once). Features that match people on what they bookmarked
 * (the hallway track's pools) observe it rather than reach into the agenda's write paths.
 */
public record BookmarksChanged(long eventId, List<Long> userIds) {
}
