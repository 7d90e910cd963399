package io.hallway.schedule;

import java.time.ZoneId;
import java.util.List;

/**
 * The schedule of an event changed since a revision: every room, track, speaker, session and lightning block
 * whose row changed after it, as the views apps see, each kind in the order of the snapshot. Every schedule
 * row carries the revision at which it last changed, and revisions start at 1 (the first
 * {@code schedule_version}), so the whole schedule is the schedule changed since {@link #EVERYTHING}.
 * <p>
 * Five queries: the caller makes them see one state of the schedule, with a share lock on the event row or
 * a repeatable-read transaction.
 */
final class ScheduleReader {

    /** Older than any revision: the schedule changed since then is all of it. */
    static final long EVERYTHING = 0;

    record Rows(List<RoomView> rooms, List<TrackView> tracks, List<SpeakerView> speakers, List<SessionView> sessions,
            List<BlockView> blocks) {
    }

    private ScheduleReader() {
    }

    static Rows changedSince(Event event, long since) {
        ZoneId zone = event.zone();
        List<RoomView> rooms = Room.<Room> list("event = ?1 and revision > ?2 order by position, name", event, since)
                .stream().map(RoomView::from).toList();
        List<TrackView> tracks = Track.<Track> list("event = ?1 and revision > ?2 order by name", event, since)
                .stream().map(TrackView::from).toList();
        List<SpeakerView> speakers = Speaker.<Speaker> list("event = ?1 and revision > ?2 order by name, id", event, since)
                .stream().map(SpeakerView::from).toList();
        List<SessionView> sessions = Session.<Session> find("""
                select distinct s from Session s left join fetch s.speakers
                where s.event = ?1 and s.revision > ?2 order by s.startsAt, s.id""", event, since)
                .list().stream().map(s -> SessionView.from(s, zone)).toList();
        List<BlockView> blocks = LightningBlock.<LightningBlock> find("""
                select distinct b from LightningBlock b left join fetch b.talks
                where b.event = ?1 and b.revision > ?2 order by b.startsAt, b.id""", event, since)
                .list().stream().map(b -> BlockView.from(b, zone)).toList();
        return new Rows(rooms, tracks, speakers, sessions, blocks);
    }
}
