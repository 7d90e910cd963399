package io.hallway.schedule;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.hallway.common.Problem;
import io.hallway.team.TeamEvents;

/** Events as teams see them: a slug's id, published or not, and the rooms a host may be limited to. */
@ApplicationScoped
class EventsForTeams implements TeamEvents {

    @Override
    public OptionalLong idOf(String slug) {
        List<Long> ids = Event.getEntityManager().createQuery("select e.id from Event e where e.slug = ?1", Long.class)
                .setParameter(1, slug).getResultList();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }

    @Override
    public Problem unknown(String slug) {
        return Event.unknown(slug);
    }

    @Override
    public List<Long> roomsElsewhere(long eventId, Collection<Long> roomIds) {
        List<Long> ours = Event.getEntityManager().createQuery(
                "select r.id from Room r where r.event.id = ?1 and r.id in ?2", Long.class)
                .setParameter(1, eventId).setParameter(2, roomIds).getResultList();
        return roomIds.stream().filter(id -> !ours.contains(id)).toList();
    }
}
