package io.hallway.schedule;

import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.hallway.common.Problem;
import io.hallway.team.TeamEvents;

/** Events as the team access check sees them: a slug's id, published or not. */
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
}
