package io.hallway.suggestions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;


import io.hallway.agenda.BookmarkStore;
import io.hallway.people.Blocks;
import io.hallway.schedule.SessionView;
import io.hallway.speakers.SpeakerLinks;

/**
 * The speakers of the sessions I bookmarked (on their own or through their lightning block) who linked their
 * account to their speaker record and opted in to suggestions: {@link #SPEAKER_POINTS} per such session, or
 * {@link #MEET_SPEAKERS_POINTS} when I chose the intent {@code meet-speakers}. Only when I let my bookmarks be used;
 * people I dismissed and blocks either way are left out, as in the ranking. One statement of its own, which
 * {@link Suggestions#forMe} merges into the ranking: the speakers of one person's bookmarks are few, found through
 * the indexes of {@code bookmark}, {@code session_speaker} and {@code speaker_link}.
 */
@ApplicationScoped
class BookmarkedSpeakers {

    /** A speaker worth meeting: their points and the reason, naming the sessions. */
    record Speaker(long userId, long score, Suggestions.Reason reason) {
    }

    /**
     * A speaker as the statement returns them: the points each of their sessions I bookmarked is worth, and those
     * sessions' ids, comma-separated.
     */
    private record Speaking(long userId, long pointsEach, String sessionIds) {
    }

    /** Per session of mine they speak at: more than a bookmark we share, since they are why the session exists. */
    static final int SPEAKER_POINTS = 4;
    /** ...and when I said I am here to meet speakers. */
    static final int MEET_SPEAKERS_POINTS = 8;

    @Inject
    EntityManager entityManager;

    /**
     * The speakers worth meeting for me, by user id, their sessions named as the published schedule has them: in
     * release mode a draft retitle or move must not show before it is released.
     */
    Map<Long, Speaker> of(long eventId, long me, Map<Long, SessionView> published) {
        @SuppressWarnings("unchecked")
        List<Speaking> speaking = entityManager.createNativeQuery("""
                with mine as (
                    select use_intents and intents @> cast(?5 as jsonb) as meets_speakers from suggestion_setting
                    where event_id = ?1 and user_id = ?2 and use_bookmarks
                ), speaking as (
                    select distinct sp.user_id, sp.session_id from (""" + SpeakerLinks.linkedSpeakersOf(BookmarkStore.SESSIONS_BOOKMARKED) + """
                ) sp where sp.user_id <> ?2
                )
                select speaking.user_id,
                    cast(case when mine.meets_speakers then ?4 else ?3 end as bigint) as points_each,
                    string_agg(cast(speaking.session_id as text), ',') as session_ids
                from speaking cross join mine
                join suggestion_setting theirs on theirs.event_id = ?1 and theirs.user_id = speaking.user_id
                where not exists (select 1 from suggestion_dismissal d
                    where d.event_id = ?1 and d.user_id = ?2 and d.dismissed_user_id = speaking.user_id)
                and""" + Blocks.neitherBlocks("?1", "?2", "speaking.user_id") + """
                group by speaking.user_id, mine.meets_speakers""", Speaking.class)
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, SPEAKER_POINTS)
                .setParameter(4, MEET_SPEAKERS_POINTS)
                .setParameter(5, "[{\"intent\": \"" + Intent.MEET_SPEAKERS.wireName() + "\"}]").getResultList();
        Map<Long, Speaker> speakers = new HashMap<>();
        for (Speaking speaker : speaking) {
            List<SessionView> talks = Arrays.stream(speaker.sessionIds().split(",")).map(Long::valueOf)
                    .map(published::get).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(SessionView::startsAt).thenComparingLong(SessionView::id)).toList();
            if (!talks.isEmpty()) {
                speakers.put(speaker.userId(), new Speaker(speaker.userId(), talks.size() * speaker.pointsEach(), reason(talks)));
            }
        }
        return speakers;
    }

    /** "Speaks at “A”, which you bookmarked", and the sessions' ids; the talks in time order. */
    private static Suggestions.Reason reason(List<SessionView> talks) {
        List<String> named = talks.stream().limit(2).map(talk -> "\u201c" + talk.title() + "\u201d").toList();
        String text = talks.size() <= 2 ? "Speaks at " + String.join(" and ", named) + ", which you bookmarked"
                : "Speaks at " + talks.size() + " sessions you bookmarked, among them " + String.join(" and ", named);
        return new Suggestions.Reason("speaker", text, null, talks.stream().map(SessionView::id).sorted().toList(), null);
    }
}
