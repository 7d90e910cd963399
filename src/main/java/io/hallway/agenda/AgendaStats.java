package io.hallway.agenda;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.hallway.schedule.EventSection;

/** The agenda's part of the organizer statistics: interest per session, and where rooms will overflow. */
@Singleton
class AgendaStats {

    record Figures(long bookmarks, long attendeesWithBookmarks, List<RoomFill.SessionFill> mostBookmarked,
            List<RoomFill.SessionFill> predictedOverCapacity) {
    }

    @Inject
    RoomFill roomFill;

    @Inject
    AgendaConfig config;

    @Inject
    BookmarkStore bookmarks;

    @Produces
    @Singleton
    @EventSection.Stats
    EventSection agenda() {
        return new EventSection("agenda", this::figures);
    }

    private Figures figures(long eventId) {
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
