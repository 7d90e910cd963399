package io.hallway.suggestions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.agenda.BookmarkStore;
import io.hallway.agenda.BookmarksChanged;
import io.hallway.common.SqlArrays;

/**
 * Each person's pool of people worth meeting: the only code that writes {@code suggestion_candidate} and
 * {@code suggestion_setting.pool_due_at}; it reads the holders of each key from {@link KeyCounts}.
 * <p>
 * A build fans out from the person's rarest keys ({@link FanOut}) through the per-event indexes (the people who
 * bookmarked the same sessions, the people holding the same terms), keeps the {@code pool-size} people sharing the
 * most points of those keys, and adds the person to each of their pools, so that a new opt-in reaches the people
 * it matches at once. It runs in the writing request when a person opts in or changes their settings or profile,
 * a minute after their bookmarks change, every {@code rebuild-every}, and for the opt-ins nobody built yet; the
 * worker ({@link PoolWorker}) claims due people with {@code for update skip locked}, so replicas share the work.
 * Pool writes in an event take its lock ({@link SuggestionLocks#pools}): two builds add rows to each other's pools,
 * and one at a time cannot deadlock.
 */
@ApplicationScoped
class CandidatePool {

    @Inject
    EntityManager entityManager;

    @Inject
    SuggestionsConfig config;

    @Inject
    SuggestionLocks locks;

    @Inject
    KeyCounts counts;

    @Inject
    ObjectMapper json;

    /** Builds the person's pool now; they opted in, and no longer hold the terms {@code dropped}. */
    void refresh(long eventId, long userId, List<SuggestionTerms.Term> dropped) {
        locks.pools(eventId);
        counts.recount(eventId, dropped);
        build(eventId, userId);
    }

    /**
     * Builds up to a batch of due pools of one event, the one due longest, in a transaction of its own: how many
     * were due. Counts the holders of each key again first where the count is stale. The event's lock is taken
     * before the people's rows, in the order a profile save takes them ({@link #refresh}), so the two never wait
     * on each other in a circle.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int buildDue() {
        @SuppressWarnings("unchecked")
        List<Number> next = entityManager.createNativeQuery("""
                select event_id from suggestion_setting where pool_due_at <= now() order by pool_due_at limit 1""")
                .getResultList();
        if (next.isEmpty()) {
            return 0;
        }
        long eventId = next.get(0).longValue();
        locks.pools(eventId);
        @SuppressWarnings("unchecked")
        List<Number> due = entityManager.createNativeQuery("""
                select user_id from suggestion_setting where event_id = ?1 and pool_due_at <= now()
                order by pool_due_at limit ?2 for update skip locked""")
                .setParameter(1, eventId).setParameter(2, config.refreshBatch()).getResultList();
        if (!due.isEmpty()) {
            counts.countIfStale(eventId);
            due.forEach(person -> build(eventId, person.longValue()));
        }
        return due.size();
    }

    /**
     * Changed bookmarks: each person's pool is due a minute later, however many more change in between. When a
     * session left the schedule, that is everyone who had bookmarked it: until their pools are built again, a
     * request that shows one of them ranks the whole pool ({@link Suggestions}).
     */
    void bookmarksChanged(@Observes BookmarksChanged changed) {
        entityManager.createNativeQuery("""
                update suggestion_setting set pool_due_at = ?3
                where event_id = ?1 and user_id = any (cast(?2 as bigint[])) and pool_due_at > ?3""")
                .setParameter(1, changed.eventId()).setParameter(2, SqlArrays.of(changed.userIds()))
                .setParameter(3, Instant.now().plus(config.bookmarkDelay())).executeUpdate();
    }

    private void build(long eventId, long userId) {
        List<FanOut.Key> chosen = FanOut.choose(keys(eventId, userId), config.fanOutBudget());
        List<Map<String, Object>> terms = new ArrayList<>();
        List<Long> sessionIds = new ArrayList<>();
        List<Long> blockIds = new ArrayList<>();
        for (FanOut.Key key : chosen) {
            if (key.isTerm()) {
                terms.add(Map.of("term", key.term(), "role", key.role(), "points", key.points()));
            } else if (key.sessionId() != null) {
                sessionIds.add(key.sessionId());
            } else {
                blockIds.add(key.blockId());
            }
        }
        entityManager.createNativeQuery("delete from suggestion_candidate where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
        entityManager.createNativeQuery("""
                with chosen as (
                    select term, role, points from jsonb_to_recordset(cast(?3 as jsonb)) as k(term text, role text, points int)
                ), found as (
                    select theirs.user_id, chosen.points from chosen
                    join suggestion_term theirs on theirs.event_id = ?1 and theirs.term = chosen.term
                        and theirs.role = chosen.role and theirs.user_id <> ?2
                    union all
                    select bookmarked.user_id, ?6 from""" + BookmarkStore.sharing("?1", "?2", "cast(?4 as bigint[])",
                "cast(?5 as bigint[])") + """
                bookmarked
                    join suggestion_setting theirs on theirs.event_id = ?1 and theirs.user_id = bookmarked.user_id
                        and theirs.use_bookmarks
                ), best as (
                    select user_id, hashint8(user_id # ?2) as tiebreak from found
                    group by user_id order by sum(points) desc, 2 limit ?7
                )
                insert into suggestion_candidate (event_id, user_id, candidate_id, tiebreak)
                select ?1, ?2, user_id, tiebreak from best
                union all
                select ?1, user_id, ?2, tiebreak from best
                on conflict (event_id, user_id, candidate_id) do nothing""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, toJson(terms))
                .setParameter(4, SqlArrays.of(sessionIds)).setParameter(5, SqlArrays.of(blockIds))
                .setParameter(6, Suggestions.SESSION_POINTS).setParameter(7, config.poolSize()).executeUpdate();
        score(eventId, userId);
        entityManager.createNativeQuery("update suggestion_setting set pool_due_at = ?3 where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId)
                .setParameter(3, Instant.now().plus(config.rebuildEvery())).executeUpdate();
    }

    /**
     * Scores every entry that names the person, in their pool and in the others': all the points the two share now
     * and what, for the request to word. Their terms and bookmarks may have changed since the other pools were
     * built, and an entry must never name a term its owner no longer shows to everyone. The person's terms are
     * matched once against all the others' (each side's with the role it matches, {@link SuggestionTerms#partnerRole});
     * an entry in my pool names their words, an entry in theirs mine. Bookmarks count only while both let them be
     * used.
     */
    private void score(long eventId, long userId) {
        // Per other person, by primary key: the opt-in look-up (its limit 1 keeps the planner from hashing the
        // event's every setting instead) and the terms (joined as a set, they fanned out from mine to the
        // thousands holding a popular one).
        entityManager.createNativeQuery("""
                with others as (
                    select o.other, coalesce(theirs.use_bookmarks, false) as use_bookmarks
                    from (
                        select candidate_id as other from suggestion_candidate where event_id = ?1 and user_id = ?2
                        union
                        select user_id from suggestion_candidate where event_id = ?1 and candidate_id = ?2
                    ) o
                    left join lateral (select use_bookmarks from suggestion_setting
                        where event_id = ?1 and user_id = o.other limit 1) theirs on true
                ), mine as (
                    select term, role, label from suggestion_term where event_id = ?1 and user_id = ?2
                ), terms as (
                    select o.other, t.points, t.theirs, t.mine
                    from others o
                    cross join lateral (
                        select sum(""" + SuggestionTerms.points("mine.role") + """
                ) as points,
                            jsonb_agg(jsonb_build_object('term', theirs.term, 'role', theirs.role, 'label', theirs.label)
                                order by theirs.term, theirs.role) as theirs,
                            jsonb_agg(jsonb_build_object('term', mine.term, 'role', mine.role, 'label', mine.label)
                                order by mine.term, mine.role) as mine
                        from suggestion_term theirs
                        join mine on mine.term = theirs.term and theirs.role =""" + SuggestionTerms.partnerRole("mine.role") + """
                        where theirs.event_id = ?1 and theirs.user_id = o.other
                    ) t
                ), bookmarks as (
                    select o.other, s.shared, s.session_ids, s.block_ids
                    from others o
                    cross join lateral (
                        select count(*) as shared,
                            coalesce(array_agg(common.session_id order by common.session_id)
                                filter (where common.session_id is not null), '{}') as session_ids,
                            coalesce(array_agg(common.block_id order by common.block_id)
                                filter (where common.block_id is not null), '{}') as block_ids
                        from""" + BookmarkStore.inCommon("?1", "?2", "o.other") + """
                common
                    ) s
                    where o.use_bookmarks and exists (select 1 from suggestion_setting me
                        where me.event_id = ?1 and me.user_id = ?2 and me.use_bookmarks)
                ), scored as (
                    select o.other, coalesce(t.points, 0) + ?3 * coalesce(b.shared, 0) as points,
                        cast(t.theirs as text) as theirs, cast(t.mine as text) as mine,
                        coalesce(b.session_ids, '{}') as session_ids, coalesce(b.block_ids, '{}') as block_ids
                    from others o left join terms t on t.other = o.other left join bookmarks b on b.other = o.other
                ), entries as (
                    select ?2 as user_id, other as candidate_id, points, theirs as terms, session_ids, block_ids
                    from scored
                    union all
                    select other, ?2, points, mine, session_ids, block_ids from scored
                )
                update suggestion_candidate c set points = e.points, terms = e.terms, session_ids = e.session_ids,
                    block_ids = e.block_ids
                from entries e
                where c.event_id = ?1 and c.user_id = e.user_id and c.candidate_id = e.candidate_id""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, Suggestions.SESSION_POINTS)
                .executeUpdate();
    }

    /** The person's keys: their terms, and their bookmarks if they let them be used, each with its holders counted. */
    private List<FanOut.Key> keys(long eventId, long userId) {
        @SuppressWarnings("unchecked")
        List<FanOut.Key> keys = entityManager.createNativeQuery("""
                select t.term, p.role, cast(null as bigint) as session_id, cast(null as bigint) as block_id,
                    cast(""" + SuggestionTerms.points("t.role") + """
                 as int) as points, cast(coalesce(k.holders, 0) as bigint) as holders
                from suggestion_term t
                cross join lateral (select""" + SuggestionTerms.partnerRole("t.role") + """
                as role) p
                left join suggestion_key_count k on k.event_id = t.event_id and k.key =""" + KeyCounts.termKey("t.term", "p.role") + """
                where t.event_id = ?1 and t.user_id = ?2
                union all
                select null, null, b.session_id, b.block_id, cast(?3 as int), cast(coalesce(k.holders, 0) as bigint)
                from""" + BookmarkStore.bookmarksOf("?1", "?2") + """
                b
                left join suggestion_key_count k on k.event_id = ?1
                    and k.key = coalesce('session:' || b.session_id, 'block:' || b.block_id)
                where exists (select 1 from suggestion_setting s where s.event_id = ?1 and s.user_id = ?2 and s.use_bookmarks)""",
                FanOut.Key.class).setParameter(1, eventId).setParameter(2, userId)
                .setParameter(3, Suggestions.SESSION_POINTS).getResultList();
        return keys;
    }

    /**
     * Out of every pool and out of the counts: the person opted out or is erased, and {@code forgotten} are the terms
     * of theirs {@link SuggestionTerms#forget} deleted.
     */
    void forget(long eventId, long userId, List<SuggestionTerms.Term> forgotten) {
        locks.pools(eventId);
        entityManager.createNativeQuery("""
                delete from suggestion_candidate where event_id = ?1 and (user_id = ?2 or candidate_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
        counts.recount(eventId, forgotten);
    }

    /** The event's pools, and its counts with them: how many pool entries went. */
    long purge(long eventId) {
        locks.pools(eventId);
        counts.purge(eventId);
        return entityManager.createNativeQuery("delete from suggestion_candidate where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The chosen keys could not be written", e);
        }
    }

}
