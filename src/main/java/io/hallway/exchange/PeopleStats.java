package io.hallway.exchange;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.hallway.schedule.EventSection;

/** The "people" part of the organizer statistics: counts only, nothing that names or links anybody. */
@Singleton
class PeopleStats {

    record HourCount(Instant hour, long connections) {
    }

    private record ProfileCounts(long profiles, long directoryOptIns) {
    }

    record Figures(long profiles, long directoryOptIns, long connections, List<HourCount> connectionsPerHour) {
    }

    @Inject
    EntityManager entityManager;

    @Produces
    @Singleton
    @EventSection.Stats
    EventSection people() {
        return new EventSection("people", this::figures);
    }

    @SuppressWarnings("unchecked")
    private Figures figures(long eventId) {
        var profiles = (ProfileCounts) entityManager.createNativeQuery(
                "select count(*), count(*) filter (where in_directory) from profile where event_id = ?1",
                ProfileCounts.class).setParameter(1, eventId).getSingleResult();
        List<HourCount> perHour = entityManager.createNativeQuery("""
                select date_trunc('hour', created_at), count(*) from connection where event_id = ?1
                group by 1 order by 1""", HourCount.class).setParameter(1, eventId).getResultList();
        return new Figures(profiles.profiles(), profiles.directoryOptIns(),
                perHour.stream().mapToLong(HourCount::connections).sum(), perHour);
    }
}
