package io.hallway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.AfterCommit;
import io.hallway.common.Users;
import io.quarkus.arc.Arc;

/**
 * The audit log of each event: who changed what, and when. The only code that touches {@code audit_entry}.
 * <p>
 * {@link #record} writes in the caller's transaction and must be called from inside it, after the change
 * (and after a flush, so the version after is the stored one): a change that rolls back, refused by a rule or
 * by a stale version, leaves no entry. An event's entries go with the event, so {@link #eventDeleted} writes an
 * event's deletion to the application log instead.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** The name of the actor of a change nobody called for, such as the scheduled retention purge. */
    static final String NOBODY = "hallway";

    /** The name left on the entries of a person who had their data in the event erased. */
    static final String ERASED = "erased";

    /** One entry as stored, its details as JSON text. */
    record Row(long id, Instant at, Long actorUserId, String actorName, String action, String resource,
            Long resourceId, Long versionBefore, Long versionAfter, String details) {
    }

    /** Which entries of an event to list; a null member does not filter. */
    record Filter(Long actorUserId, AuditResource resource, AuditAction action, Instant from, Instant to) {
    }

    /** Who made the change: their user id (null for nobody) and display name. */
    private record Actor(Long userId, String name) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Records a change without details. */
    public void record(long eventId, AuditAction action, AuditResource resource, Long resourceId, Long versionBefore,
            Long versionAfter) {
        record(eventId, action, resource, resourceId, versionBefore, versionAfter, null);
    }

    /**
     * Records a change to an event in the caller's transaction. {@code versionBefore} is null for a create,
     * {@code versionAfter} null for a delete, both null for a resource without versions; {@code details} is any
     * value Jackson writes as a JSON object (a record or a map), or null.
     */
    public void record(long eventId, AuditAction action, AuditResource resource, Long resourceId, Long versionBefore,
            Long versionAfter, Object details) {
        Actor actor = actor();
        Query insert = entityManager.createNativeQuery("""
                insert into audit_entry (event_id, actor_user_id, actor_name, action, resource, resource_id,
                                         version_before, version_after, details)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))""");
        @SuppressWarnings("unchecked")
        NativeQuery<Object> typed = insert.unwrap(NativeQuery.class);
        typed.setParameter(1, eventId, Long.class)
                .setParameter(2, actor.userId(), Long.class)
                .setParameter(3, actor.name(), String.class)
                .setParameter(4, action.wireName(), String.class)
                .setParameter(5, resource.wireName(), String.class)
                .setParameter(6, resourceId, Long.class)
                .setParameter(7, versionBefore, Long.class)
                .setParameter(8, versionAfter, Long.class)
                .setParameter(9, details == null ? null : text(details), String.class)
                .executeUpdate();
    }

    /** An event's deletion, which its own log cannot keep (its entries go with it): the application log has it. */
    public void eventDeleted(long eventId, String slug, long version) {
        Actor actor = actor();
        AfterCommit.run(transactions, () -> LOG.infof("audit: event %s (id %d, version %d) deleted by %s (user id %s)",
                slug, eventId, version, actor.name(), actor.userId()));
    }

    /** The columns of {@link Row}, for a condition to follow. */
    private static final String ROWS = """
            select id, at, actor_user_id, actor_name, action, resource, resource_id, version_before, version_after,
                   details::text
            from audit_entry where\s""";

    /** One page of an event's entries, newest first. */
    List<Row> list(long eventId, Filter filter, int offset, int limit) {
        Query query = entityManager.createNativeQuery(ROWS + "%s order by at desc, id desc offset %d limit %d"
                .formatted(where(filter), offset, limit), Row.class);
        bind(query, eventId, filter);
        @SuppressWarnings("unchecked")
        List<Row> rows = query.getResultList();
        return rows;
    }

    long count(long eventId, Filter filter) {
        Query query = entityManager.createNativeQuery("select count(*) from audit_entry where " + where(filter));
        bind(query, eventId, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Every entry of an event, oldest first, for its archive. */
    List<Row> all(long eventId) {
        @SuppressWarnings("unchecked")
        List<Row> rows = entityManager.createNativeQuery(ROWS + "event_id = ?1 order by at, id", Row.class)
                .setParameter(1, eventId).getResultList();
        return rows;
    }

    /** The entries a person made in an event, oldest first, for their export. */
    List<Row> madeBy(long eventId, long userId) {
        @SuppressWarnings("unchecked")
        List<Row> rows = entityManager.createNativeQuery(
                ROWS + "event_id = ?1 and actor_user_id = ?2 order by at, id", Row.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return rows;
    }

    /** Whether entries name the person: as who acted, or as the team member an entry is about. */
    boolean holds(long eventId, long userId) {
        return (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from audit_entry where event_id = ?1
                    and (actor_user_id = ?2 or resource = ?3 and resource_id = ?2))""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, AuditResource.MEMBER.wireName())
                .getSingleResult();
    }

    /**
     * Takes the person's name and id off their entries, and their user id off the entries about their membership
     * (a member entry's id is the member's user id); the entries stay, as the team's record of its work.
     */
    void anonymise(long eventId, long userId) {
        entityManager.createNativeQuery(
                "update audit_entry set actor_user_id = null, actor_name = ?3 where event_id = ?1 and actor_user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, ERASED).executeUpdate();
        entityManager.createNativeQuery(
                "update audit_entry set resource_id = null where event_id = ?1 and resource = ?3 and resource_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, AuditResource.MEMBER.wireName())
                .executeUpdate();
    }

    private static String where(Filter filter) {
        List<String> conditions = new ArrayList<>(List.of("event_id = :event"));
        if (filter.actorUserId() != null) {
            conditions.add("actor_user_id = :actor");
        }
        if (filter.resource() != null) {
            conditions.add("resource = :resource");
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
        }
        return String.join(" and ", conditions);
    }

    private static void bind(Query query, long eventId, Filter filter) {
        query.setParameter("event", eventId);
        if (filter.actorUserId() != null) {
            query.setParameter("actor", filter.actorUserId());
        }
        if (filter.resource() != null) {
            query.setParameter("resource", filter.resource().wireName());
        }
        if (filter.action() != null) {
            query.setParameter("action", filter.action().wireName());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
    }

    /** The caller, from the token: its name claim, else its user name, else its subject. */
    private Actor actor() {
        if (!Arc.container().requestContext().isActive() || token == null || token.getSubject() == null) {
            return new Actor(null, NOBODY);
        }
        String name = claim("name");
        if (name == null) {
            name = claim("preferred_username");
        }
        return new Actor(users.currentId(), name == null ? token.getSubject() : name);
    }

    /** A text claim of the token, null when missing or blank. */
    private String claim(String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString string ? string.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }

    private String text(Object details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details could not be written", e);
        }
    }
}
