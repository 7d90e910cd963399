package io.hallway.agenda;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.SqlArrays;
import io.hallway.common.Users;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;
import io.hallway.schedule.LightningBlock;
import io.hallway.schedule.LightningBlockDeleting;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.Session;
import io.hallway.schedule.SessionView;
import io.hallway.schedule.SessionsChanged;
import io.hallway.schedule.SessionStatus;

/**
 * The one owner of the {@code bookmark} table: every read and write of it is here. Adding and removing are
 * idempotent: the unique constraints decide between concurrent requests, and "on conflict do nothing" turns
 * the loser into a no-op instead of an error.
 */
@ApplicationScoped
public class BookmarkStore {

    /**
     * The people following sessions: for each piece of news ?4 about the session ?5 in the lightning block ?6 (-1 for
     * none; three arrays of one length), who bookmarked the session or its block, once per bookmark. A subquery
     * rather than a method, so that the change log writes each follower's entry in the statement that finds them.
     */
    static final String FOLLOWERS_OF_SESSIONS = """
            select b.user_id, n.news_id
            from unnest(cast(?4 as bigint[]), cast(?5 as bigint[]), cast(?6 as bigint[])) as n(news_id, session_id, block_id)
            join bookmark b on b.session_id = n.session_id or b.block_id = n.block_id""";

    /**
     * The people an announcement in the event ?1 is for: with ?4 true, everyone with an agenda there (who bookmarked
     * anything); else who bookmarked any of the sessions ?5 or blocks ?6 (lists, never empty). Once per bookmark.
     */
    static final String ADDRESSED = """
            select user_id from bookmark
            where event_id = ?1 and (cast(?4 as boolean) or session_id in (?5) or block_id in (?6))""";

    /*
     * SQL for the hallway track, which finds people with the same taste without comparing anybody with everybody.
     * Only this class knows how bookmarks are stored; callers embed these and pass SQL expressions for the values.
     */

    /** SQL: the person's bookmarks in the event, a row (session_id, block_id) each, one of the two null. */
    public static String bookmarksOf(String eventId, String person) {
        return " (select session_id, block_id from bookmark where event_id = %s and user_id = %s) "
                .formatted(eventId, person);
    }

    /**
     * SQL: the people other than {@code person} who bookmarked one of the sessions or lightning blocks listed
     * ({@code bigint[]} expressions), a row (user_id, session_id, block_id) per person and session or block.
     */
    public static String sharing(String eventId, String person, String sessionIds, String blockIds) {
        return " " + """
                (select user_id, session_id, block_id from bookmark
                where event_id = %1$s and user_id <> %2$s and (session_id = any (%3$s) or block_id = any (%4$s)))"""
                .formatted(eventId, person, sessionIds, blockIds) + " ";
    }

    /**
     * SQL: the people who bookmarked one of the sessions or lightning blocks listed ({@code bigint[]} expressions),
     * a {@code user_id} row each time.
     */
    public static String following(String eventId, String sessionIds, String blockIds) {
        return " " + """
                (select user_id from bookmark
                where event_id = %1$s and (session_id = any (%2$s) or block_id = any (%3$s)))"""
                .formatted(eventId, sessionIds, blockIds) + " ";
    }

    /** SQL: the sessions and lightning blocks both people bookmarked in the event, a row (session_id, block_id) each. */
    public static String inCommon(String eventId, String one, String other) {
        return " " + """
                (select theirs.session_id, theirs.block_id from bookmark mine
                join bookmark theirs on theirs.user_id = %3$s and theirs.session_id = mine.session_id
                where mine.event_id = %1$s and mine.user_id = %2$s and mine.session_id is not null
                union all
                select theirs.session_id, theirs.block_id from bookmark mine
                join bookmark theirs on theirs.user_id = %3$s and theirs.block_id = mine.block_id
                where mine.event_id = %1$s and mine.user_id = %2$s and mine.block_id is not null)"""
                .formatted(eventId, one, other) + " ";
    }

    /** SQL: how many people bookmarked each session and lightning block of the event: (session_id, block_id, holders). */
    public static String holders(String eventId) {
        return " (select session_id, block_id, count(*) as holders from bookmark where event_id = %s group by 1, 2) "
                .formatted(eventId);
    }

    /**
     * SQL: the ids of the sessions person ?2 bookmarked in event ?1, on their own or through their lightning block,
     * with the blocks' talks as {@code blockTalks} (SQL returning {@code session_id, block_id}) has them: a caller
     * showing the result to attendees passes the released schedule's, since in an event that releases by hand a
     * talk moved to another block in the draft is still in its old block for them. Only this class knows how
     * bookmarks are stored; callers embed it.
     */
    public static String sessionsBookmarked(String blockTalks) {
        // Spaced on both sides: a text block around it loses the space its line ended with.
        return " " + """
                select b.session_id from bookmark b where b.event_id = ?1 and b.user_id = ?2 and b.session_id is not null
                union all
                select talk.session_id from bookmark b join (%s) talk on talk.block_id = b.block_id
                where b.event_id = ?1 and b.user_id = ?2 and b.block_id is not null""".formatted(blockTalks) + " ";
    }

    /** JPQL: the session {@code s} is bookmarked by ?1 in event ?2, on its own or through its lightning block. */
    private static final String BOOKMARKED = """
            s.event.id = ?2 and (s.id in (select b.sessionId from Bookmark b where b.userId = ?1 and b.eventId = ?2)
             or s.block.id in (select b.blockId from Bookmark b where b.userId = ?1 and b.eventId = ?2))""";

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    Users users;

    @Inject
    SelfService selfService;

    @Inject
    jakarta.enterprise.event.Event<BookmarksChanged> bookmarksChanged;

    /** One stored bookmark: of a session or of a whole lightning block. */
    record Stored(Long sessionId, Long blockId, Instant bookmarkedAt) {
    }

    /** The event's bookmarks, and how many people hold at least one. */
    record Totals(long bookmarks, long people) {
    }

    /** How many people bookmarked a session, alone or through its block. */
    record SessionBookmarks(long sessionId, long people) {
    }

    /** What the public sees decides, never the draft: a draft-only session is unknown, as the schedule says. */
    @Transactional
    void bookmarkSession(String slug, long sessionId) {
        var found = snapshots.session(slug, sessionId);
        SessionView session = found.item();
        if (session.status() == SessionStatus.CANCELLED) {
            throw Problem.of(ProblemType.SESSION_CANCELLED,
                    "\"" + session.title() + "\" is cancelled and cannot be bookmarked.")
                    .with("sessionId", sessionId);
        }
        insert(users.currentId(), found.built().eventId(), "session_id", sessionId);
    }

    /**
     * A public block, which must still be in the table too: its bookmarks refer to the row, and a block deleted in
     * the draft has taken its bookmarks along already.
     */
    @Transactional
    void bookmarkBlock(String slug, long blockId) {
        Event event = snapshots.publishedEvent(slug);
        snapshots.block(slug, blockId);
        LightningBlock block = LightningBlock.inEvent(event, blockId);
        insert(users.currentId(), event.id, "block_id", block.id);
    }

    @Transactional
    void removeSession(String slug, long sessionId) {
        remove(slug, "session_id", sessionId);
    }

    @Transactional
    void removeBlock(String slug, long blockId) {
        remove(slug, "block_id", blockId);
    }

    /**
     * A session left the public schedule: its bookmarks go, after the change log has told their owners (observers
     * of the default priority run first), and what matches people on bookmarks hears that theirs changed.
     */
    void forgetRemoved(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) SessionsChanged changed) {
        List<Long> removed = changed.changes().stream().filter(change -> change.after() == null)
                .map(SessionsChanged.Change::sessionId).toList();
        if (!removed.isEmpty()) {
            forget(changed.eventId(), "session_id in (?1)", removed);
        }
    }

    /** A lightning block is being deleted: its bookmarks go with it, and their owners' bookmarks changed. */
    void forgetDeleted(@Observes LightningBlockDeleting deleting) {
        forget(deleting.eventId(), "block_id = ?1", deleting.blockId());
    }

    /** Deletes the bookmarks {@code condition} (on {@code ?1}) names and says whose bookmarks changed. */
    private void forget(long eventId, String condition, Object ids) {
        @SuppressWarnings("unchecked")
        List<Number> owners = entityManager.createNativeQuery("delete from bookmark where " + condition + " returning user_id")
                .setParameter(1, ids).getResultList();
        List<Long> people = owners.stream().map(Number::longValue).distinct().toList();
        if (!people.isEmpty()) {
            bookmarksChanged.fire(new BookmarksChanged(eventId, people));
        }
    }

    /** The person's bookmarks in the event, oldest first. */
    List<Stored> of(long eventId, long userId) {
        return Bookmark.<Bookmark> list("eventId = ?1 and userId = ?2 order by createdAt, id", eventId, userId).stream()
                .map(b -> new Stored(b.sessionId, b.blockId, b.createdAt)).toList();
    }

    /** Plain JDBC: the agenda's one query, two columns through an index, needs nothing of the ORM. */
    Agendas.Marks marks(long eventId, long userId) {
        Set<Long> sessionIds = new HashSet<>();
        Set<Long> blockIds = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select session_id, block_id from bookmark where user_id = ? and event_id = ?")) {
            query.setLong(1, userId);
            query.setLong(2, eventId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long sessionId = rows.getLong(1);
                    if (rows.wasNull()) {
                        blockIds.add(rows.getLong(2));
                    } else {
                        sessionIds.add(sessionId);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading bookmarks failed", e);
        }
        return new Agendas.Marks(sessionIds, blockIds);
    }

    /** Ids of all the person's bookmarked sessions in the event, a bookmarked block standing for each of its talks. */
    List<Long> sessionIds(long eventId, long userId) {
        return Session.<Session> find("from Session s where " + BOOKMARKED + " order by s.startsAt, s.id", userId, eventId)
                .list().stream().map(s -> s.id).toList();
    }

    /** Whether the person keeps any bookmark in the event. */
    boolean holdsAny(long eventId, long userId) {
        return (Boolean) entityManager.createNativeQuery(
                "select exists (select 1 from bookmark where event_id = ?1 and user_id = ?2)")
                .setParameter(1, eventId).setParameter(2, userId).getSingleResult();
    }

    Totals totals(long eventId) {
        return (Totals) entityManager.createNativeQuery(
                "select count(*), count(distinct user_id) from bookmark where event_id = ?1", Totals.class)
                .setParameter(1, eventId).getSingleResult();
    }

    /**
     * How many people bookmarked each of the sessions {@code sessionIds}, alone or through the lightning block beside
     * it in {@code blockIds} (-1 for none; two lists of one length), counted now in one query; a session nobody
     * bookmarked has no row. The caller lists the sessions, with the blocks they are in, as the public sees them.
     */
    List<SessionBookmarks> perSession(long eventId, List<Long> sessionIds, List<Long> blockIds) {
        // Two index-friendly halves instead of an OR join; "union" keeps one row per session and person.
        return entityManager.createNativeQuery("""
                with listed as (
                    select * from unnest(cast(?2 as bigint[]), cast(?3 as bigint[])) as l(session_id, block_id)
                ), interest as (
                    select b.session_id, b.user_id from bookmark b join listed l on l.session_id = b.session_id
                    where b.event_id = ?1 and b.session_id is not null
                    union
                    select l.session_id, b.user_id from bookmark b join listed l on l.block_id = b.block_id
                    where b.event_id = ?1 and b.block_id is not null
                )
                select session_id, count(*) as people from interest group by session_id""", SessionBookmarks.class)
                .setParameter(1, eventId).setParameter(2, SqlArrays.of(sessionIds)).setParameter(3, SqlArrays.of(blockIds))
                .getResultList();
    }

    void erase(long eventId, long userId) {
        Bookmark.delete("eventId = ?1 and userId = ?2", eventId, userId);
    }

    long purge(long eventId) {
        return Bookmark.delete("eventId", eventId);
    }

    /**
     * Removing what is not there is done already: the result is the same either way. Works on an unpublished
     * event too, where nothing new can be bookmarked.
     */
    private void remove(String slug, String column, long id) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        var userId = mine.me();
        if (userId.isPresent()) {
            // The column name comes from this class, never from a request.
            int removed = entityManager.createNativeQuery("delete from bookmark where user_id = ?1 and event_id = ?2 and " + column + " = ?3")
                    .setParameter(1, userId.getAsLong()).setParameter(2, event.id).setParameter(3, id).executeUpdate();
            if (removed > 0) {
                bookmarksChanged.fire(new BookmarksChanged(event.id, List.of(userId.getAsLong())));
            }
        }
    }

    private void insert(long userId, long eventId, String column, long id) {
        // The column name comes from this class, never from a request.
        int added = entityManager.createNativeQuery("insert into bookmark (user_id, event_id, " + column
                + ") values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, id).executeUpdate();
        if (added > 0) {
            bookmarksChanged.fire(new BookmarksChanged(eventId, List.of(userId)));
        }
    }
}
