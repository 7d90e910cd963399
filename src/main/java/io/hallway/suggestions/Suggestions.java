package io.hallway.suggestions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.hallway.people.Audience;
import io.hallway.people.Blocks;
import io.hallway.people.AttendeeView;
import io.hallway.schedule.BlockView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionView;

/**
 * People worth meeting, ranked by what they share with me: the sessions we both bookmarked (2 points each), the
 * interests or company we both show (3 each), what one of us offers that the other seeks (5 each), and each session
 * I bookmarked that they speak at, once they linked their account to their speaker record (4 each, 8 when I am
 * here to meet speakers). Whom I dismissed is {@link Dismissals}'s, read here in the ranking statement.
 * <p>
 * <b>Why a pool.</b> Scoring everyone who shares anything with me per request does not scale: at 20,000 attendees
 * a popular topic is held by thousands and each session is bookmarked by hundreds, so one request joined some
 * 40,000 index rows to keep 20 people. Instead each person has a pool ({@link CandidatePool}) built ahead from the
 * per-event indexes, fanning out from their rarest keys only: a topic held by thousands says little about any one
 * of them, so it never finds anybody, it only adds its points to people found through something more specific.
 * <p>
 * <b>What a request does</b>, in one statement whatever the event's size: whether I opted in, the speakers of
 * what I bookmarked ({@link BookmarkedSpeakers}, computed at read time since they are few) and my pool read best
 * first, skipping the people blocked either way ({@link Blocks#blockedEitherWay}) and those I dismissed, each list
 * read once (someone who opted out is in no pool: opting out takes them out of every pool in the same transaction,
 * {@link CandidatePool#forget}), with their cards rendered by PostgreSQL ({@link AttendeeView#sql}); then the
 * reasons are worded here, the session titles from the published schedule in memory. Each pool entry carries what
 * its two people share, scored when a pool is built ({@link CandidatePool}): scoring twenty people per request from
 * the indexes was most of its cost. One statement where there were four: each statement cost the app about as
 * much CPU as its execution cost the database, and loading twenty profiles to render their cards cost a quarter
 * of the request (see the README's "People worth meeting").
 * A build scores every entry naming the person built, and a change of what a person shows to everyone builds
 * their pool in the same transaction, so a reason never names a term its owner stopped showing; what may be stale,
 * by up to a minute after a bookmark changes, is the sessions we both bookmarked, and who is in the pool (see the
 * README's "People worth meeting"). Blocks, dismissals and opt-outs count at once.
 */
@ApplicationScoped
class Suggestions {

    /**
     * One person worth meeting, as I see them, with why: their card as the ranking statement rendered it
     * ({@link AttendeeView#sql}), written as it is.
     */
    record Suggestion(@JsonRawValue @Schema(ref = "AttendeeView") String person, long score,
            List<Reason> reasons) {
    }

    /**
     * Why, in words and in data: {@code kind} is {@code sessions}, {@code interest}, {@code company} or the other
     * person's intent ({@code hiring}, {@code looking-for-work}, {@code can-help-with}, {@code learning}).
     */
    record Reason(String kind, String text, String value, List<Long> sessionIds, List<Long> blockIds) {
    }

    /**
     * A ranked person with what we share, as the ranking statement returns them: from my pool (score, terms,
     * sessions and blocks; score 0 and the rest null when only a speaker), as a speaker of my bookmarks (the
     * points each of those sessions is worth and the sessions as {@link BookmarkedSpeakers.Talk} pairs; null when
     * not one), and their card as JSON.
     */
    record Ranked(Long userId, long score, String terms, String sessionIds, String blockIds, Long speakerPointsEach,
            String speakerTalks, String card) {

        /** The points the statement ranked them by: the pool's score and, per session they speak at, the speaker's. */
        long rankedScore() {
            return speakerTalks == null ? score : score + speakerPointsEach
                    * BookmarkedSpeakers.Talk.all(speakerTalks).stream().mapToLong(BookmarkedSpeakers.Talk::sessionId)
                            .distinct().count();
        }
    }

    /**
     * The published schedule's sessions and lightning blocks by id, kept with its snapshot, and its lightning talks
     * with their blocks (the same index in both arrays) for the ranking statement.
     */
    private record Published(Map<Long, SessionView> sessions, Set<Long> blockIds, Long[] blockTalkIds,
            Long[] talkBlockIds) {
        static Published of(ScheduleSnapshot snapshot) {
            List<SessionView> blockTalks = snapshot.sessions().stream().filter(session -> session.blockId() != null)
                    .toList();
            return new Published(snapshot.sessions().stream().collect(Collectors.toMap(SessionView::id, Function.identity())),
                    snapshot.blocks().stream().map(BlockView::id).collect(Collectors.toSet()),
                    blockTalks.stream().map(SessionView::id).toArray(Long[]::new),
                    blockTalks.stream().map(SessionView::blockId).toArray(Long[]::new));
        }
    }

    /** A ranked person as shown now: the score and the reasons in words. */
    private record Shown(long score, List<Reason> reasons) {
    }

    /** One person's place in my list, before it is cut to the limit. */
    private record Placed(long userId, Suggestion suggestion, boolean lostPoints) {
    }

    static final int SESSION_POINTS = 2;

    /** The statement's limit that keeps every row: a bigint sum with it cannot overflow. */
    private static final int EVERY_ROW = Integer.MAX_VALUE;

    @Inject
    Session session;

    /**
     * My suggestions, best first; none when I have not opted in. The statement ranks by the points the pools were
     * scored with; when someone it returned shares less now, everyone is ranked again, since someone it left out
     * may now rank above them.
     */
    Optional<List<Suggestion>> forMe(ScheduleSnapshots.Built schedule, long me, int limit) {
        long eventId = schedule.eventId();
        Published published = schedule.derived(Published.class, Published::of);
        List<Ranked> rows = ranked(eventId, me, limit, published);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Ranked> ranked = people(rows);
        List<Placed> placed = placed(ranked, published);
        if (ranked.size() == limit && placed.stream().anyMatch(Placed::lostPoints)) {
            placed = placed(people(ranked(eventId, me, EVERY_ROW, published)), published);
        }
        return Optional.of(placed.stream().filter(person -> person.suggestion() != null)
                .sorted(Comparator.comparingLong((Placed p) -> -p.suggestion().score()).thenComparingLong(Placed::userId))
                .limit(limit).map(Placed::suggestion).toList());
    }

    /** The rows naming a person: the one without is there to say that I opted in. */
    private static List<Ranked> people(List<Ranked> rows) {
        return rows.stream().filter(person -> person.userId() != null).toList();
    }

    /**
     * Each ranked person as shown now, with whether they lost points since their pool was scored or the statement
     * counted them: a session or block we shared, or one they speak at, left the published schedule, or they are
     * not among the released speakers of a session they speak at in the draft (the suggestion is null when nothing
     * we share is left).
     */
    private List<Placed> placed(List<Ranked> ranked, Published published) {
        List<Placed> placed = new ArrayList<>();
        for (Ranked person : ranked) {
            Optional<BookmarkedSpeakers.Speaker> speaker = person.speakerTalks() == null ? Optional.empty()
                    : BookmarkedSpeakers.of(person.speakerPointsEach(), person.speakerTalks(), published.sessions());
            Shown shown = shown(person, published);
            List<Reason> reasons = new ArrayList<>();
            speaker.ifPresent(talks -> reasons.add(talks.reason()));
            reasons.addAll(shown.reasons());
            long score = shown.score() + speaker.map(BookmarkedSpeakers.Speaker::score).orElse(0L);
            placed.add(new Placed(person.userId(), reasons.isEmpty() ? null : new Suggestion(person.card(), score, reasons),
                    score < person.rankedScore()));
        }
        return placed;
    }

    /**
     * In one statement: no row when I have not opted in; one row without a person when I have and nobody is
     * worth meeting; otherwise the best {@code ?3} people who may be shown to me, from my pool and the speakers of
     * my bookmarks, best first by the points their pools were scored with, each with their card as everyone sees
     * it (opting in needs a profile: someone without one in the event is left out). A speaker's pool entry counts
     * while it is among my best {@code ?3} entries plus as many as there are speakers. Only the people returned
     * have their profile read and their card rendered: the rows a speaker of my bookmarks added, rarely among the
     * best, were a fifth of the statement's cost. The people I dismissed and those blocked either way
     * ({@code hidden}) are read once, before the pool. Built once: building its text per request showed in the
     * request's profile.
     */
    private static final NumberedStatement RANKED = NumberedStatement.of("""
                with mine as (
                    select use_bookmarks, use_intents and intents @> cast(?6 as jsonb) as meets_speakers
                    from suggestion_setting where event_id = ?1 and user_id = ?2
                ), hidden as (
                    select array(""" + Dismissals.dismissedBy("?1", "?2") + " union all "
                        + Blocks.blockedEitherWay("?1", "?2") + """
                    ) as ids
                ), speaking as (""" + BookmarkedSpeakers.speaking("?4", "?5", "?7", "?8") + """
                ), pool as (
                    select c.candidate_id as user_id, c.points, c.terms, c.session_ids, c.block_ids
                    from suggestion_candidate c cross join hidden
                    where c.event_id = ?1 and c.user_id = ?2 and c.points > 0 and c.candidate_id <> all (hidden.ids)
                    order by c.points desc, c.tiebreak
                    limit ?3 + (select count(*) from speaking)
                ), ranked as (
                    select coalesce(pool.user_id, speaking.user_id) as user_id, pool.points, pool.terms, pool.session_ids,
                        pool.block_ids, speaking.points_each, speaking.talks as speaker_talks
                    from pool full join speaking on speaking.user_id = pool.user_id
                    order by coalesce(pool.points, 0) + coalesce(speaking.points_each * speaking.session_count, 0) desc,
                        coalesce(pool.user_id, speaking.user_id)
                    limit ?3
                )
                select ranked.user_id, cast(coalesce(ranked.points, 0) as bigint) as score, ranked.terms,
                    array_to_string(ranked.session_ids, ',') as session_ids,
                    array_to_string(ranked.block_ids, ',') as block_ids,
                    ranked.points_each as speaker_points_each, ranked.speaker_talks,"""
                + AttendeeView.sql("p", Audience.STRANGER) + """
                as card
                from mine left join (ranked join profile p on p.event_id = ?1 and p.user_id = ranked.user_id) on true""");

    /**
     * Through JDBC, on the connection the ORM session hands out like for its own reads (taken per statement outside
     * a transaction, the transaction's inside one), so the ranking never holds a second connection of the pool.
     */
    private List<Ranked> ranked(long eventId, long me, int limit, Published published) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RANKED.sql)) {
                RANKED.bind(statement, eventId, me, limit, BookmarkedSpeakers.SPEAKER_POINTS,
                        BookmarkedSpeakers.MEET_SPEAKERS_POINTS, BookmarkedSpeakers.MEETS_SPEAKERS,
                        connection.createArrayOf("bigint", published.blockTalkIds()),
                        connection.createArrayOf("bigint", published.talkBlockIds()));
                List<Ranked> ranked = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ranked.add(new Ranked(nullableLong(rows, "user_id"), rows.getLong("score"),
                                rows.getString("terms"), rows.getString("session_ids"), rows.getString("block_ids"),
                                nullableLong(rows, "speaker_points_each"), rows.getString("speaker_talks"),
                                rows.getString("card")));
                    }
                }
                return ranked;
            }
        });
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /**
     * The pool's score and what it names, less what left the published schedule since the pool was scored: a
     * session or block taken off it is no longer something we share.
     */
    private Shown shown(Ranked person, Published published) {
        List<Reason> reasons = new ArrayList<>();
        List<Long> scoredSessions = ids(person.sessionIds());
        List<Long> scoredBlocks = ids(person.blockIds());
        List<Long> sessionIds = scoredSessions.stream().filter(published.sessions()::containsKey).toList();
        List<Long> blockIds = scoredBlocks.stream().filter(published.blockIds()::contains).toList();
        int shared = sessionIds.size() + blockIds.size();
        long gone = scoredSessions.size() + scoredBlocks.size() - shared;
        if (shared > 0) {
            List<String> named = sessionIds.stream().map(id -> published.sessions().get(id).title()).limit(2)
                    .map(title -> "\u201c" + title + "\u201d").toList();
            String text = "You both bookmarked " + (shared == 1 ? "one session" : shared + " sessions")
                    + (named.isEmpty() ? "" : ", among them " + String.join(" and ", named));
            reasons.add(new Reason("sessions", text, null, sessionIds, blockIds));
        }
        List<MatchedTerm> matched = MatchedTerm.read(person.terms());
        matched.sort(Comparator.comparing(MatchedTerm::term));
        for (MatchedTerm term : matched) {
            reason(term, matched).ifPresent(reasons::add);
        }
        return new Shown(person.score() - SESSION_POINTS * gone, reasons);
    }

    /**
     * An intent without topics matches as "hiring"; with topics, as "hiring: Go". The plain one says nothing more
     * once a topic of the same intent matched.
     */
    private static Optional<Reason> reason(MatchedTerm term, List<MatchedTerm> all) {
        String kind = term.term().substring(0, term.term().indexOf(':'));
        if (SuggestionTerms.SHARED.equals(term.role())) {
            return Optional.of(kind.equals("interest")
                    ? new Reason("interest", "Both interested in " + term.label(), term.label(), null, null)
                    : new Reason("company", "Both at " + term.label(), term.label(), null, null));
        }
        Intent theirs = Arrays.stream(Intent.values())
                .filter(intent -> kind.equals(intent.family) && term.role().equals(intent.role)).findFirst().orElseThrow();
        boolean plain = term.label().isEmpty();
        if (plain && all.stream().anyMatch(other -> !other.label().isEmpty() && other.role().equals(term.role())
                && other.term().startsWith(kind + ":"))) {
            return Optional.empty();
        }
        String about = plain ? "" : term.label();
        String text = switch (theirs) {
            case HIRING -> plain ? "Hiring" : "Hiring: " + about;
            case LOOKING_FOR_WORK -> plain ? "Looking for work" : "Looking for work: " + about;
            case CAN_HELP_WITH -> plain ? "Happy to help" : "Can help with: " + about;
            case LEARNING -> plain ? "Here to learn" : "Learning: " + about;
            case MEET_SPEAKERS -> throw new IllegalStateException(
                    "meet-speakers is never a term: it weighs the speakers of my bookmarks");
        };
        return Optional.of(new Reason(theirs.wireName(), text, plain ? null : about, null, null));
    }

    private static List<Long> ids(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).sorted().toList();
    }
}
