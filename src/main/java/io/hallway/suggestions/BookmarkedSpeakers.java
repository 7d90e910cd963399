package io.hallway.suggestions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hallway.agenda.BookmarkStore;
import io.hallway.schedule.SessionView;
import io.hallway.speakers.SpeakerLinks;

/**
 * The speakers of the sessions I bookmarked (on their own or through their lightning block) who linked their
 * account to their speaker record and opted in to suggestions: {@link #SPEAKER_POINTS} per such session, or
 * {@link #MEET_SPEAKERS_POINTS} when I chose the intent {@code meet-speakers}. Only when I let my bookmarks be used;
 * people I dismissed and blocks either way are left out, as in the ranking. Found at read time, since the speakers
 * of one person's bookmarks are few (through the indexes of {@code bookmark}, {@code session_speaker} and
 * {@code speaker_link}), in the statement that ranks my pool ({@link Suggestions}).
 */
final class BookmarkedSpeakers {

    /** A speaker worth meeting: their points and the reason, naming the sessions. */
    record Speaker(long score, Suggestions.Reason reason) {
    }

    /** A session they speak at through one of their speaker records, read from a {@code session:speaker} pair. */
    record Talk(long sessionId, long speakerId) {

        static List<Talk> all(String pairs) {
            return Arrays.stream(pairs.split(",")).map(pair -> {
                int colon = pair.indexOf(':');
                return new Talk(Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
            }).toList();
        }

        /** The session as released, if the released session has this speaker record. */
        Optional<SessionView> released(Map<Long, SessionView> published) {
            return Optional.ofNullable(published.get(sessionId))
                    .filter(session -> session.speakers().stream().anyMatch(speaker -> speaker.id() == speakerId));
        }
    }

    /** Per session of mine they speak at: more than a bookmark we share, since they are why the session exists. */
    static final int SPEAKER_POINTS = 4;
    /** ...and when I said I am here to meet speakers. */
    static final int MEET_SPEAKERS_POINTS = 8;

    /** The {@code intents} value that says {@code meet-speakers}, for a {@code jsonb @>} test. */
    static final String MEETS_SPEAKERS = "[{\"intent\": \"" + Intent.MEET_SPEAKERS.wireName() + "\"}]";

    private BookmarkedSpeakers() {
    }

    /**
     * SQL returning {@code user_id, points_each, talks} and {@code session_count}: the speakers worth meeting for
     * person {@code ?2} in event {@code ?1}, each with the sessions they speak at as {@code session:speaker} pairs
     * (comma-separated; the speaker record through which their account speaks there, as the draft has it). The
     * sessions of a bookmarked lightning block are those the released schedule has in it, given as the
     * {@code bigint[]} expressions {@code releasedTalkIds} and {@code releasedBlockIds} (a talk's block at the same
     * index): the draft's may differ in an event that releases by hand. It reads the caller's CTEs {@code mine}
     * ({@code use_bookmarks}, {@code meets_speakers}) and {@code hidden} ({@code ids}: the people not to suggest),
     * and takes the points as SQL expressions.
     */
    static String speaking(String speakerPoints, String meetSpeakersPoints, String releasedTalkIds,
            String releasedBlockIds) {
        String releasedBlockTalks = "select * from unnest(cast(%s as bigint[]), cast(%s as bigint[])) as released(session_id, block_id)"
                .formatted(releasedTalkIds, releasedBlockIds);
        return " " + """
                select sp.user_id, cast(case when mine.meets_speakers then %2$s else %1$s end as bigint) as points_each,
                    string_agg(sp.session_id || ':' || sp.speaker_id, ',') as talks,
                    count(distinct sp.session_id) as session_count
                from (select distinct user_id, session_id, speaker_id from (%3$s) linked where linked.user_id <> ?2) sp
                cross join mine cross join hidden
                join suggestion_setting theirs on theirs.event_id = ?1 and theirs.user_id = sp.user_id
                where mine.use_bookmarks and sp.user_id <> all (hidden.ids)
                group by sp.user_id, mine.meets_speakers""".formatted(speakerPoints, meetSpeakersPoints,
                SpeakerLinks.linkedSpeakersOf(BookmarkStore.sessionsBookmarked(releasedBlockTalks))) + " ";
    }

    /**
     * The speaker as I see them, as the published schedule has it: their sessions named as released, and only
     * those where the released session has their speaker record (in release mode a draft retitle, move or change
     * of speakers must not show before it is released); none when none of their sessions is published so.
     */
    static Optional<Speaker> of(long pointsEach, String talkPairs, Map<Long, SessionView> published) {
        List<SessionView> talks = Talk.all(talkPairs).stream().map(talk -> talk.released(published))
                .flatMap(Optional::stream).distinct()
                .sorted(Comparator.comparing(SessionView::startsAt).thenComparingLong(SessionView::id)).toList();
        if (talks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Speaker(talks.size() * pointsEach, reason(talks)));
    }

    /** "Speaks at “A”, which you bookmarked", and the sessions' ids; the talks in time order. */
    private static Suggestions.Reason reason(List<SessionView> talks) {
        List<String> named = talks.stream().limit(2).map(talk -> "\u201c" + talk.title() + "\u201d").toList();
        String text = talks.size() <= 2 ? "Speaks at " + String.join(" and ", named) + ", which you bookmarked"
                : "Speaks at " + talks.size() + " sessions you bookmarked, among them " + String.join(" and ", named);
        return new Suggestions.Reason("speaker", text, null, talks.stream().map(SessionView::id).sorted().toList(), null);
    }
}
