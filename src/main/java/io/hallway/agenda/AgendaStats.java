package io.hallway.agenda;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.schedule.EventStatsSection;

/** The agenda's part of the organizer statistics: interest per session, and where rooms will overflow. */
@ApplicationScoped
class AgendaStats implements EventStatsSection {

    record Figures(long bookmarks, long attendeesWithBookmarks, List<RoomFill.SessionFill> mostBookmarked,
            List<RoomFill.SessionFill> predictedOverCapacity) {
    }

    @Inject
    RoomFill roomFill;

    @Inject
    AgendaConfig config;

    @Inject
    BookmarkStore bookmarks;

    @Override
    public String name() {
        return "agenda";
    }

    @Override
    public Object compute(long eventId) {
        List<RoomFill.SessionFill> sessions = roomFill.sessions(eventId);
        List<RoomFill.SessionFill> ranked = sessions.stream()
                .sorted(Comparator.comparingLong(RoomFill.SessionFill::bookmarks).reversed()).toList();
        List<RoomFill.SessionFill> over = ranked.stream()
                .filter(s -> s.capacity() != null && s.bookmarks() > s.capacity()).toList();
        BookmarkStore.Totals totals = bookmarks.totals(eventId);
        return new Figures(totals.bookmarks(), totals.people(),
                ranked.stream().limit(config.rankingSize()).toList(), over);
    }
}
