package io.hallway.people;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Who blocked whom in an event, and the one class that writes {@code person_block}. Other features ask here (or
 * put {@link #neitherBlocks} into their own SQL) before they show one person to another or let one reach another.
 * <p>
 * Hiding works both ways. The blocker no longer sees the blocked person, which is what they asked for; the
 * blocked person no longer sees the blocker either, so they cannot keep watching or approaching them through the
 * app. The blocked person is not told: from their side the blocker looks like someone who left the directory or
 * switched suggestions off, which people do for reasons of their own.
 */
@ApplicationScoped
public class Blocks {

    /** One of my blocks: whom I blocked and when. */
    record Row(long blockedId, Instant createdAt) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * A SQL condition true when neither person blocked the other in the event; each argument is a SQL expression
     * of the caller's query (a column, a parameter such as {@code ?1} or {@code cast(:me as bigint)}). A null
     * person blocks nobody. Example: {@code "and " + Blocks.neitherBlocks("p.event_id", "p.user_id", ":me")}.
     */
    public static String neitherBlocks(String eventId, String personA, String personB) {
        // Spaced on both sides: a text block around it loses the space its line ended with.
        return " " + """
                not exists (select 1 from person_block pb where pb.event_id = %1$s
                    and ((pb.blocker_id = %2$s and pb.blocked_id = %3$s) or (pb.blocker_id = %3$s and pb.blocked_id = %2$s)))"""
                .formatted(eventId, personA, personB) + " ";
    }

    /**
     * A SQL subquery: the people whom {@code person} blocked or who blocked them in the event, for a query that
     * checks many people against one: read once, where {@link #neitherBlocks} probes the table per person. The
     * arguments are SQL expressions, as for {@link #neitherBlocks}. Example:
     * {@code "c.candidate_id <> all (array(" + Blocks.blockedEitherWay("?1", "?2") + "))"}.
     */
    public static String blockedEitherWay(String eventId, String person) {
        return " " + """
                select blocked_id from person_block where event_id = %1$s and blocker_id = %2$s
                union all
                select blocker_id from person_block where event_id = %1$s and blocked_id = %2$s"""
                .formatted(eventId, person) + " ";
    }

    /** Whether either person blocked the other in the event: then neither may see, reach or connect with the other. */
    public boolean eitherBlocks(long eventId, long personA, long personB) {
        return !(Boolean) entityManager.createNativeQuery("select " + neitherBlocks("?1", "?2", "?3"))
                .setParameter(1, eventId).setParameter(2, personA).setParameter(3, personB).getSingleResult();
    }

    /** The user ids hidden from this person in the event: the people they blocked and the people who blocked them. */
    public Set<Long> hiddenFrom(long eventId, long userId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                select blocked_id from person_block where event_id = ?1 and blocker_id = ?2
                union
                select blocker_id from person_block where event_id = ?1 and blocked_id = ?2""")
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        Set<Long> hidden = new HashSet<>();
        ids.forEach(id -> hidden.add(id.longValue()));
        return hidden;
    }

    /** Blocks the person; blocking them again keeps the first block and its time. */
    void block(long eventId, long blockerId, long blockedId) {
        entityManager.createNativeQuery("""
                insert into person_block (event_id, blocker_id, blocked_id) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, eventId).setParameter(2, blockerId).setParameter(3, blockedId).executeUpdate();
    }

    void unblock(long eventId, long blockerId, long blockedId) {
        entityManager.createNativeQuery("delete from person_block where event_id = ?1 and blocker_id = ?2 and blocked_id = ?3")
                .setParameter(1, eventId).setParameter(2, blockerId).setParameter(3, blockedId).executeUpdate();
    }

    /** The blocks this person made in the event, newest first. */
    List<Row> madeBy(long eventId, long blockerId) {
        @SuppressWarnings("unchecked")
        List<Row> rows = entityManager.createNativeQuery("""
                select blocked_id, created_at from person_block where event_id = ?1 and blocker_id = ?2
                order by created_at desc, blocked_id""", Row.class)
                .setParameter(1, eventId).setParameter(2, blockerId).getResultList();
        return rows;
    }

    boolean madeAny(long eventId, long blockerId) {
        return (Boolean) entityManager.createNativeQuery(
                "select exists (select 1 from person_block where event_id = ?1 and blocker_id = ?2)")
                .setParameter(1, eventId).setParameter(2, blockerId).getSingleResult();
    }

    /** Deletes the blocks this person made; blocks others made against them stay, to protect those others. */
    void eraseMadeBy(long eventId, long blockerId) {
        entityManager.createNativeQuery("delete from person_block where event_id = ?1 and blocker_id = ?2")
                .setParameter(1, eventId).setParameter(2, blockerId).executeUpdate();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from person_block where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }
}
