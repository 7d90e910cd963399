package io.hallway.agenda;

import java.util.List;

/**
 * Entries were added to people's change feeds, in the transaction of the change that caused them: one change
 * (of a session, a delay, an announcement) and an entry for each person it concerns. Observed in that
 * transaction, so what an observer writes goes with the change, or not at all.
 *
 * @param kind       the entries' kind in the feed: {@code schedule}, {@code delay} or {@code announcement}
 * @param sessionId  the session changed or running late; null for an announcement
 * @param revision   the schedule version the entries were recorded at
 * @param changes    what changed, in the feed's words ({@code time}, {@code room}, {@code cancelled}, ...)
 * @param text       one short sentence for the change, in the event's zone, to show as it is
 * @param recipients each person's new entry
 */
public record ChangeFeedGrew(long eventId, String kind, Long sessionId, long revision, List<String> changes,
        String text, List<Recipient> recipients) {

    public record Recipient(long userId, long entryId) {
    }
}
